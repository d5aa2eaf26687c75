/**
 * Rule tests in ESLint's RuleTester style: manifests the rule leaves alone (`valid`), manifests it
 * reports (`invalid`, with what each report says and points at) and, for a fix, the text after
 * applying it (`output`), checked by the same apply-fix helper as every other fix test (the
 * report is gone, the YAML parses, nothing new appears, comments survive).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, fixesOf, type AnalyzeOptions, type Diagnostic } from '../../server/src/service';
import { applyFix } from './fixes';
import { offsetAt } from './text';

export interface ValidCase {
  name?: string;
  code: string;
  options?: AnalyzeOptions;
}

export interface ExpectedReport {
  /** A part of the message (string) or a pattern it matches; an array: each of its parts and patterns. */
  message?: string | RegExp | (string | RegExp)[];
  /** The text under the report's range. */
  range?: string;
  /** The field path (`data.path`). */
  path?: string;
  severity?: Diagnostic['severity'];
}

export interface InvalidCase extends ValidCase {
  /** One entry per report of the rule, in order. */
  errors: ExpectedReport[];
  /** The text after applying fix `fix` of report `report`; null: that report offers no fix; absent: not checked. */
  output?: string | null;
  /** Which fix of the report `output` applies: its index, or a part of its title (default: the first). */
  fix?: number | string;
  /** Which of the rule's reports (in order) `output` and `fix` are about (default: 0, the first). */
  report?: number;
}

function label(c: ValidCase, i: number): string {
  return (
    c.name ??
    `#${i + 1}: ${
      c.code
        .split('\n')
        .find((l) => /^\s+\S/.test(l) && !/^\s+(name|app|image):/.test(l))
        ?.trim() ?? c.code.slice(0, 40)
    }`
  );
}

function reportsOf(rule: string, c: ValidCase): Diagnostic[] {
  return analyzeText(c.code, c.options).filter((d) => d.code === rule);
}

function rangeText(text: string, d: Diagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

export function ruleTester(rule: string, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid ${label(c, i)}`, () => {
        assert.deepEqual(
          reportsOf(rule, c).map((d) => d.message),
          [],
        );
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid ${label(c, i)}`, () => {
        const reports = reportsOf(rule, c);
        assert.equal(reports.length, c.errors.length, `${rule}: expected ${c.errors.length} report(s), got:\n${reports.map((d) => d.message).join('\n')}`);
        c.errors.forEach((e, j) => {
          const d = reports[j];
          for (const m of e.message === undefined ? [] : Array.isArray(e.message) ? e.message : [e.message]) {
            if (typeof m === 'string') assert.ok(d.message.includes(m), `message ${JSON.stringify(d.message)} lacks ${JSON.stringify(m)}`);
            else assert.match(d.message, m);
          }
          if (e.range !== undefined) assert.equal(rangeText(c.code, d), e.range);
          if (e.path !== undefined) assert.equal(d.path, e.path);
          if (e.severity !== undefined) assert.equal(d.severity, e.severity);
        });
        if (c.output === null) assert.equal(reports[c.report ?? 0] && fixesOf(reports[c.report ?? 0]), undefined, `${rule} offers a fix`);
        else if (c.output !== undefined) assert.equal(applyFix(c.code, rule, { index: c.report, fix: c.fix, options: c.options }), c.output);
      });
    });
  });
}
