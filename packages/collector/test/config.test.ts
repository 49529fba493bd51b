import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfigFile, parseConfig } from '../src/index.js';

const SECRET = 'a-signing-secret-16+';
const KEY = 'an-api-key-of-24-chars-x';
const site = (fields: Record<string, unknown>) => ({ sites: { demo: fields } });
const rule = (fields: Record<string, unknown>) => site({ commission: [fields] });

const BAD_CONFIGS: Array<[unknown, string, Record<string, string>?]> = [
  [[], 'configuration: expected an object, got an array of 0 items'],
  [{ site: {} }, 'site: unknown setting; expected one of allowedOrigins, sites, apiKeys, rateLimits, trustedProxies'],
  [{ allowedOrigins: ['ftp://shop.example'] }, 'allowedOrigins[0]: "ftp://shop.example" is not an origin like https://shop.example, http://localhost:* or https://*.shop.example'],
  [{ allowedOrigins: 'https://shop.example' }, 'allowedOrigins: expected an array, got "https://shop.example"'],
  [{ sites: [] }, 'sites: expected an object, got an array of 0 items'],
  [{ sites: { 'has space': {} } }, 'sites.has space: a site id is 1-64 letters, digits, "_" or "-", starting with a letter or digit'],
  [{ sites: { demo: null } }, 'sites.demo: expected an object, got null'],
  [site({ commision: [] }), 'sites.demo.commision: unknown setting; expected one of autoConfirm, signingSecrets, writeKeys, commission'],
  [site({ autoConfirm: 'yes' }), 'sites.demo.autoConfirm: expected true or false, got "yes"'],
  [site({ signingSecrets: SECRET }), 'sites.demo.signingSecrets: expected an array, got "a-signing-secret-16+"'],
  [site({ signingSecrets: [SECRET, 42] }), 'sites.demo.signingSecrets[1]: expected a string, or "env:NAME" to read it from the environment, got a number'],
  [site({ signingSecrets: ['too-short'] }), 'sites.demo.signingSecrets[0]: expected at least 16 characters without spaces'],
  [site({ signingSecrets: ['sixteen chars with spaces'] }), 'sites.demo.signingSecrets[0]: expected at least 16 characters without spaces'],
  [site({ signingSecrets: ['env:SHOP_SECRET'] }), 'sites.demo.signingSecrets[0]: the environment variable SHOP_SECRET is not set'],
  [site({ signingSecrets: ['env:SHOP_SECRET'] }), 'sites.demo.signingSecrets[0]: expected at least 16 characters without spaces in SHOP_SECRET', { SHOP_SECRET: 'short' }],
  [site({ signingSecrets: ['env:SHOP_SECRET'] }), 'sites.demo.signingSecrets[0]: the environment variable SHOP_SECRET is not set', { SHOP_SECRET: '' }],
  [{ sites: { a: { writeKeys: ['write-key-1'] }, b: { writeKeys: ['write-key-1'] } } }, 'sites.b.writeKeys: a write key names one site, but this one is also used by a'],
  [site({ commission: {} }), 'sites.demo.commission: expected an array, got an object'],
  [site({ commission: [{ rate: 0.1 }, { rate: 0.2 }, { rate: 1.5 }] }), 'sites.demo.commission[2].rate: expected a fraction of the price paid from 0 to 1 with at most 6 decimals, like 0.1 for 10%, got a number'],
  [rule({ rate: 0.1234567 }), 'sites.demo.commission[0].rate: expected a fraction of the price paid from 0 to 1 with at most 6 decimals, like 0.1 for 10%, got a number'],
  [rule({ rate: -0.1 }), 'sites.demo.commission[0].rate: expected a fraction of the price paid from 0 to 1 with at most 6 decimals, like 0.1 for 10%, got a number'],
  [rule({ rate: '0.1' }), 'sites.demo.commission[0].rate: expected a fraction of the price paid from 0 to 1 with at most 6 decimals, like 0.1 for 10%, got "0.1"'],
  [rule({ brand: 'acme' }), 'sites.demo.commission[0].rate: expected a fraction of the price paid from 0 to 1 with at most 6 decimals, like 0.1 for 10%, got nothing'],
  [rule({ rate: 0.1, percent: 10 }), 'sites.demo.commission[0].percent: unknown setting; expected one of id, brand, product, creator, rate, bonus'],
  [rule({ rate: 0.1, creator: 'has space' }), 'sites.demo.commission[0].creator: expected 1-64 letters, digits, "_" or "-", got "has space"'],
  [rule({ rate: 0.1, brand: '' }), 'sites.demo.commission[0].brand: expected a string of 1-200 characters, got an empty string'],
  [rule({ rate: 0.1, product: 7 }), 'sites.demo.commission[0].product: expected a string of 1-200 characters, got a number'],
  [rule({ rate: 0.1, bonus: { eur: 500 } }), 'sites.demo.commission[0].bonus.eur: bonus keys are ISO 4217 currency codes in capitals, like "EUR"'],
  [rule({ rate: 0.1, bonus: { XYZ: 500 } }), 'sites.demo.commission[0].bonus.XYZ: bonus keys are ISO 4217 currency codes in capitals, like "EUR"'],
  [rule({ rate: 0.1, bonus: { EUR: 5.5 } }), 'sites.demo.commission[0].bonus.EUR: expected an integer amount in minor units (500 for 5.00), got a number'],
  [rule({ rate: 0.1, bonus: { EUR: -1 } }), 'sites.demo.commission[0].bonus.EUR: expected an integer amount in minor units (500 for 5.00), got a number'],
  [rule({ rate: 0.1, bonus: 500 }), 'sites.demo.commission[0].bonus: expected an object, got a number'],
  [site({ commission: [{ id: 'a', rate: 0.1 }, { id: 'a', rate: 0.2 }] }), 'sites.demo.commission[1].id: rule ids are unique; "a" is used twice'],
  // A rule without id is "rule-<position>", so a later id cannot take that name.
  [site({ commission: [{ rate: 0.1 }, { id: 'rule-1', rate: 0.2 }] }), 'sites.demo.commission[1].id: rule ids are unique; "rule-1" is used twice'],
  [{ ...site({}), apiKeys: {} }, 'apiKeys: expected an array, got an object'],
  [{ ...site({}), apiKeys: [{ key: 'short-key', site: 'demo', role: 'brand' }] }, 'apiKeys[0].key: expected at least 24 characters without spaces'],
  [{ ...site({}), apiKeys: [{ key: 'env:BRAND_KEY', site: 'demo', role: 'brand' }] }, 'apiKeys[0].key: the environment variable BRAND_KEY is not set'],
  [{ ...site({}), apiKeys: [{ key: KEY, site: 'other', role: 'brand' }] }, 'apiKeys[0].site: "other" is not one of the configured sites (demo)'],
  [{ ...site({}), apiKeys: [{ key: KEY, site: 'has space', role: 'brand' }] }, 'apiKeys[0].site: expected a site id, got "has space"'],
  [{ ...site({}), apiKeys: [{ key: KEY, site: 'demo', role: 'admin' }] }, 'apiKeys[0].role: expected "brand" or "creator", got "admin"'],
  [{ ...site({}), apiKeys: [{ key: KEY, site: 'demo', role: 'creator' }] }, 'apiKeys[0].creator: expected 1-64 letters, digits, "_" or "-", got nothing'],
  [{ ...site({}), apiKeys: [{ key: KEY, site: 'demo', role: 'brand', creator: 'ana' }] }, 'apiKeys[0].creator: a brand key sees every creator; remove "creator" or use role "creator"'],
  [{ ...site({}), apiKeys: [{ key: KEY, site: 'demo', role: 'brand' }, { key: KEY, site: 'demo', role: 'creator', creator: 'ana' }] }, 'apiKeys[1].key: each API key is listed once'],
  [{ ...site({}), apiKeys: [{ key: KEY, site: 'demo', role: 'brand', scope: 'all' }] }, 'apiKeys[0].scope: unknown setting; expected one of key, site, role, creator'],
  [{ rateLimits: { perIp: { requests: 0 } } }, 'rateLimits.perIp.requests: expected a positive integer, got a number'],
  [{ rateLimits: { perSite: { requests: 10, windowSeconds: 1.5 } } }, 'rateLimits.perSite.windowSeconds: expected a positive integer, got a number'],
  [{ rateLimits: { perUser: {} } }, 'rateLimits.perUser: unknown setting; expected one of perIp, perSite'],
  [{ trustedProxies: '10.0.0.1' }, 'trustedProxies: expected a list of at most 100 addresses or ranges, got "10.0.0.1"'],
  [{ trustedProxies: ['10.0.0.0/8', 'proxy.internal'] }, 'trustedProxies[1]: expected an IP address like "10.0.0.7" or a range like "10.0.0.0/8", got "proxy.internal"'],
  [{ trustedProxies: ['10.0.0.0/33'] }, 'trustedProxies[0]: expected an IP address like "10.0.0.7" or a range like "10.0.0.0/8", got "10.0.0.0/33"'],
  [{ trustedProxies: ['fd00::/129'] }, 'trustedProxies[0]: expected an IP address like "10.0.0.7" or a range like "10.0.0.0/8", got "fd00::/129"'],
];

test('every mistake in a configuration is a ConfigError naming the setting and what it expects', () => {
  for (const [input, message, env] of BAD_CONFIGS) {
    assert.throws(() => parseConfig(input, env), (error: unknown) => {
      assert.ok(error instanceof ConfigError, `a ConfigError for ${message}`);
      assert.equal(error.name, 'ConfigError');
      assert.equal(error.message, message);
      return true;
    });
  }
});

test('a secret never appears in the message that refuses it', () => {
  const secret = 'sho rt-secret';
  assert.throws(() => parseConfig(site({ signingSecrets: [secret] })), (error: Error) => !error.message.includes(secret));
  assert.throws(() => parseConfig(site({ signingSecrets: ['env:S'] }), { S: secret }), (error: Error) => !error.message.includes(secret));
});

test('env: references are read from the environment given, not from the file', () => {
  const env = { SHOP_SECRET: 'secret-from-the-environment', BRAND_KEY: 'brand-key-from-the-environment', WRITE_KEY: 'write-key-env' };
  const config = parseConfig(
    {
      sites: { demo: { signingSecrets: ['env:SHOP_SECRET', SECRET], writeKeys: ['env:WRITE_KEY'] } },
      apiKeys: [
        { key: 'env:BRAND_KEY', site: 'demo', role: 'brand' },
        { key: KEY, site: 'demo', role: 'creator', creator: 'ana' },
      ],
    },
    env,
  );
  assert.deepEqual(config.sites!.demo!.signingSecrets, ['secret-from-the-environment', SECRET]);
  assert.deepEqual(config.sites!.demo!.writeKeys, ['write-key-env']);
  assert.deepEqual(config.apiKeys, [
    { key: 'brand-key-from-the-environment', site: 'demo', scope: { role: 'brand' } },
    { key: KEY, site: 'demo', scope: { role: 'creator', creator: 'ana' } },
  ]);
});

test('rates become parts per million exactly, rules get ids by position, and defaults fill the rest', () => {
  const config = parseConfig(site({ commission: [{ rate: 0.123456 }, { id: 'ana', creator: 'ana', rate: 1, bonus: { EUR: 500, JPY: 0 } }, { brand: 'acme', product: 'kettle', rate: 0 }, { rate: 0.07 }] }));
  assert.deepEqual(config.sites!.demo, {
    autoConfirm: false,
    signingSecrets: [],
    writeKeys: [],
    commission: [
      { id: 'rule-1', ratePpm: 123_456, bonus: {} },
      { id: 'ana', creator: 'ana', ratePpm: 1_000_000, bonus: { EUR: 500, JPY: 0 } },
      { id: 'rule-3', brand: 'acme', product: 'kettle', ratePpm: 0, bonus: {} },
      { id: 'rule-4', ratePpm: 70_000, bonus: {} },
    ],
  });
  assert.deepEqual(config.rateLimits, { perIp: { requests: 600, windowSeconds: 60 }, perSite: { requests: 60_000, windowSeconds: 60 } });
  assert.deepEqual(config.apiKeys, []);
  assert.deepEqual(config.trustedProxies, [], 'no proxy is believed unless named');
  assert.equal(parseConfig({}).sites, undefined, 'no sites: the development setup');
});

test('only the sites written in the file are sites: names of object members are not', () => {
  const { sites } = parseConfig(site({}));
  for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) assert.equal(sites![name], undefined, name);
  assert.deepEqual(Object.keys(sites!), ['demo']);
});

test('a configuration file is read, and a file that cannot be read or parsed is a ConfigError', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'vitrine-config-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const good = join(folder, 'good.json');
  await writeFile(good, JSON.stringify({ $schema: './schema.json', sites: { demo: { signingSecrets: ['env:S'] } } }));
  assert.deepEqual((await loadConfigFile(good, { S: SECRET })).sites!.demo!.signingSecrets, [SECRET]);

  const broken = join(folder, 'broken.json');
  await writeFile(broken, '{"sites": ');
  await assert.rejects(loadConfigFile(broken, {}), (error: Error) => error instanceof ConfigError && error.message.startsWith(`${broken} is not valid JSON: `));
  const missing = join(folder, 'missing.json');
  await assert.rejects(loadConfigFile(missing, {}), (error: Error) => error instanceof ConfigError && error.message === `cannot read the configuration file ${missing}: ENOENT`);
  const bad = join(folder, 'bad.json');
  await writeFile(bad, JSON.stringify(rule({ rate: 2 })));
  await assert.rejects(loadConfigFile(bad, {}), { name: 'ConfigError', message: /^sites\.demo\.commission\[0\]\.rate: / });
});
