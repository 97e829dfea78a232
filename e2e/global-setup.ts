import { startFakeProviders } from '../tools/fake-providers/index.ts';

/** Starts the fake-provider server on a free port; tests find it through FAKE_PROVIDERS_URL. */
export default async function globalSetup() {
  const fake = await startFakeProviders({ port: 0 });
  process.env.FAKE_PROVIDERS_URL = fake.url;
  return async () => {
    await fake.close();
  };
}
