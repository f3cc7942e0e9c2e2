import { OMITTED_USER_COLUMNS, RETURNED_USER_COLUMNS } from '@m4/schema';
import { generateDemoDataset } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type ConformanceCase, type FaultSpec, type SettingsOverride } from './cases';
import { expectedFilterError, expectedMethodError } from './documents';
import { GOLDEN_USER_DOCUMENTS } from './golden';
import { buildRequest, settingsStatements } from './request';
import { child, parseXml } from './xml-tree';

/** An app under test: where it answers, and how the suite reaches its database. */
export interface ConformanceTarget {
  baseUrl: string;
  /** Sends a request to the app (the global fetch, or SELF.fetch inside workerd). */
  fetch(request: Request): Promise<Response>;
  /** Runs one SQL statement on the app's database (used to change settings). */
  exec(sql: string): Promise<void>;
  /** The app's bound on one database call. */
  timeoutMs: number;
  /** Statements the database saw for a request id, where the target can count them. */
  statements?(requestId: string): Promise<number>;
  /** Fault injection between the app and its database, where the target has it. */
  faults?: {
    set(fault: { mode: FaultSpec['mode']; latencyMs?: number }): Promise<void>;
    clear(): Promise<void>;
  };
}

export interface ConformanceOptions {
  /** The suite's title (the app's name). */
  name: string;
  /** What the target can do beyond HTTP; cases that need more are not registered. */
  capabilities: { statements: boolean; faults: boolean };
  connect(): Promise<ConformanceTarget>;
}

const TRANSPORT_STATUSES = new Set([400, 404, 405, 413]);
const DATASET = generateDemoDataset();
const SECRET_VALUES = DATASET.users.flatMap((row) =>
  OMITTED_USER_COLUMNS.map((column) => row[column]).filter(
    (v): v is string => typeof v === 'string' && v.length >= 8,
  ),
);

/**
 * Registers every case of the method's HTTP contract as a vitest test against one target. The
 * cases share the target's database settings, so they run one after another.
 */
export function conformanceSuite(options: ConformanceOptions): void {
  const cases = CASES.filter((c) => options.capabilities.faults || c.fault === undefined);
  let target: ConformanceTarget;
  let current: SettingsOverride | undefined;
  let sequence = 0;

  async function useSettings(settings: SettingsOverride | undefined): Promise<void> {
    if (current !== undefined && JSON.stringify(current) === JSON.stringify(settings ?? {})) return;
    for (const sql of settingsStatements(settings)) await target.exec(sql);
    current = settings ?? {};
  }

  async function send(testCase: ConformanceCase, headers: Record<string, string> = {}) {
    const requestId = `conformance-${Date.now().toString(36)}-${sequence++}`;
    const request = await buildRequest(
      {
        ...testCase,
        request: { ...testCase.request, headers: { ...testCase.request.headers, ...headers } },
      },
      target.baseUrl,
      requestId,
    );
    const response = await target.fetch(request);
    return { requestId, response, body: await response.text() };
  }

  describe.sequential(`${options.name}: user_details_raw_get conformance`, () => {
    beforeAll(async () => {
      target = await options.connect();
      await useSettings(undefined);
    });
    afterAll(async () => {
      await target?.faults?.clear();
      if (target) await useSettings(undefined);
    });

    for (const testCase of cases) {
      it(`[${testCase.group}] ${testCase.name}`, async () => {
        await useSettings(testCase.settings);
        if (testCase.fault) {
          const { mode, latencyOfTimeout } = testCase.fault;
          await target.faults?.set({
            mode,
            ...(latencyOfTimeout !== undefined && {
              latencyMs: latencyOfTimeout * target.timeoutMs,
            }),
          });
        }
        let sent: Awaited<ReturnType<typeof send>>;
        try {
          sent = await send(testCase);
        } finally {
          if (testCase.fault) await target.faults?.clear();
        }
        await check(testCase, sent);
        if (testCase.fault) {
          // The service recovers on the first request after the fault clears.
          const again = await send({ ...testCase, fault: undefined, expect: { user: 6 } });
          await check({ ...testCase, fault: undefined, expect: { user: 6 } }, again);
        }
      });
    }

    it('[headers] reuses cf-ray as the request id', async () => {
      const [first] = cases.filter((c) => c.group === 'target');
      if (!first) throw new Error('no target case');
      const sent = await send(first, { 'cf-ray': '8f00aa11bb22cc33-VNO' });
      expect(sent.response.headers.get('x-request-id')).toBe('8f00aa11bb22cc33-VNO');
    });
  });

  async function check(
    testCase: ConformanceCase,
    { requestId, response, body }: Awaited<ReturnType<typeof send>>,
  ): Promise<void> {
    const { expect: want } = testCase;
    const status = want.status ?? 200;
    expect(response.status, body).toBe(status);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toBe(requestId);
    for (const [name, value] of Object.entries(want.headers ?? {})) {
      expect(response.headers.get(name), name).toBe(value);
    }
    for (const secret of SECRET_VALUES) expect(body).not.toContain(secret);

    if ((testCase.request.method ?? 'POST') === 'HEAD') {
      expect(body).toBe('');
    } else if (want.error) {
      const expected =
        want.error.envelope === 'filter'
          ? expectedFilterError(want.error.text)
          : expectedMethodError(want.error.text);
      expect(body).toBe(expected);
    } else if (want.user !== undefined) {
      checkUserDocument(body, want.user);
    } else {
      throw new Error(`case "${testCase.name}" expects neither an error nor a user`);
    }

    if (target.statements && !testCase.fault) {
      const expected = want.statements ?? (TRANSPORT_STATUSES.has(status) ? 0 : 1);
      expect(await target.statements(requestId), 'database statements').toBe(expected);
    }
  }
}

function checkUserDocument(body: string, id: number): void {
  const page = parseXml(body);
  expect(page.name).toBe('page');
  const user = child(child(page, 'status'), 'user');
  expect(user.children.map((c) => c.name)).toEqual([...RETURNED_USER_COLUMNS]);
  for (const omitted of OMITTED_USER_COLUMNS) {
    expect(body).not.toMatch(new RegExp(`<${omitted}[/>]`));
  }
  expect(child(user, 'id').text).toBe(String(id));
  const golden = GOLDEN_USER_DOCUMENTS[id];
  if (golden !== undefined) expect(body).toBe(golden);
}
