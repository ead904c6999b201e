import { PristineSend, PristineSendError, VERSION } from 'pristinesend';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { client, contact, json, mockFetch, noContent } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('new PristineSend()', () => {
  it('falls back to PRISTINESEND_API_KEY when no key is passed', async () => {
    vi.stubEnv('PRISTINESEND_API_KEY', 'ps_live_fromenv');
    const { fetch, requests } = mockFetch(json(200, contact));
    await new PristineSend(undefined, { baseUrl: 'http://api.test', fetch }).contacts.get(contact.id);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer ps_live_fromenv');
  });

  it('prefers the key it is given over the environment', async () => {
    vi.stubEnv('PRISTINESEND_API_KEY', 'ps_live_fromenv');
    const { fetch, requests } = mockFetch(json(200, contact));
    await new PristineSend('ps_live_given', { baseUrl: 'http://api.test', fetch }).contacts.get(contact.id);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer ps_live_given');
  });

  it('throws a clear error when there is no key anywhere', () => {
    vi.stubEnv('PRISTINESEND_API_KEY', undefined);
    expect(() => new PristineSend()).toThrow(PristineSendError);
    expect(() => new PristineSend('')).toThrow(/PRISTINESEND_API_KEY/);
  });

  it('uses PRISTINESEND_BASE_URL, else https://pristinesend.com', () => {
    vi.stubEnv('PRISTINESEND_BASE_URL', 'http://localhost:3000/');
    expect(new PristineSend('k').baseUrl).toBe('http://localhost:3000');
    vi.stubEnv('PRISTINESEND_BASE_URL', undefined);
    expect(new PristineSend('k').baseUrl).toBe('https://pristinesend.com');
    expect(new PristineSend('k', { baseUrl: 'http://other.test//' }).baseUrl).toBe('http://other.test');
  });

  it('still loads where there is no process object (browsers, edge runtimes)', () => {
    vi.stubGlobal('process', undefined);
    expect(new PristineSend('k').baseUrl).toBe('https://pristinesend.com');
    expect(() => new PristineSend()).toThrow(PristineSendError);
  });

  it('has defaults of 2 retries and 60 s, and rejects invalid ones', () => {
    const ps = new PristineSend('k');
    expect([ps.maxRetries, ps.timeout]).toEqual([2, 60_000]);
    expect(() => new PristineSend('k', { maxRetries: -1 })).toThrow(TypeError);
    expect(() => new PristineSend('k', { maxRetries: 1.5 })).toThrow(TypeError);
    expect(() => new PristineSend('k', { timeout: 0 })).toThrow(TypeError);
    expect(() => new PristineSend('k', { timeout: Number.NaN })).toThrow(TypeError);
  });

  it('uses the global fetch when none is injected', async () => {
    const { fetch, requests } = mockFetch(json(200, contact));
    vi.stubGlobal('fetch', fetch);
    await new PristineSend('k', { baseUrl: 'http://api.test' }).contacts.get(contact.id);
    expect(requests).toHaveLength(1);
  });
});

describe('request headers', () => {
  it('sends the key, the client version and Accept on every request', async () => {
    const { fetch, requests } = mockFetch(json(200, contact));
    await client(fetch).contacts.get(contact.id);
    const headers = requests[0]?.headers;
    expect(headers?.get('authorization')).toBe('Bearer ps_live_test');
    expect(headers?.get('x-pristinesend-client')).toBe(`pristinesend-node/${VERSION}`);
    expect(headers?.get('accept')).toBe('application/json');
  });

  it('sends Content-Type only with a body', async () => {
    const { fetch, requests } = mockFetch(json(200, contact), json(200, contact), noContent());
    const ps = client(fetch);
    await ps.contacts.get(contact.id);
    await ps.contacts.update(contact.id, { status: 'unsubscribed' });
    await ps.contacts.delete(contact.id);
    expect(requests.map((r) => r.headers.get('content-type'))).toEqual([null, 'application/json', null]);
  });

  it('sends an Idempotency-Key on POST only', async () => {
    const { fetch, requests } = mockFetch(json(201, contact), json(200, contact));
    const ps = client(fetch);
    await ps.contacts.create({ email: 'jane@example.com' });
    await ps.contacts.get(contact.id);
    expect(requests[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests[1]?.headers.has('idempotency-key')).toBe(false);
  });
});
