// Shared test setup: DOM matchers for component tests (harmless in the Node environment).
import '@testing-library/jest-dom/vitest';
