import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS } from '../../core/index.ts';
import { fittedSize } from './image-scale.ts';

describe('fittedSize', () => {
  const max = ATTACHMENT_LIMITS.maxImageSide;
  it('scales the longest side down to the maximum, keeping the aspect ratio', () => {
    expect(fittedSize(4000, 2000, max)).toEqual({ width: 1568, height: 784 });
    expect(fittedSize(1000, 3136, max)).toEqual({ width: 500, height: 1568 });
  });
  it('never scales up', () => {
    expect(fittedSize(800, 600, max)).toEqual({ width: 800, height: 600 });
  });
});
