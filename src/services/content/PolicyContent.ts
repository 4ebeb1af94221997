import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PolicyContentFile, policyContentSchema, policyOverrideSchema, PolicyValues } from './contentSchema';
import { FactId } from './factIds';

const DEFAULT_CONTENT_PATH = path.resolve(__dirname, '../../../../content/policy.en.json');
const SOURCE_CONTENT_PATH = path.resolve(__dirname, '../../../content/policy.en.json');

/**
 * Every policy statement the assistant makes, keyed by its fact id in FACTS.md. Wording and values
 * come from content/policy.en.json, optionally overridden by an operator's file (CONTENT_FILE), so a
 * provider name or a day count changes without a code change.
 */
export class PolicyContent {
  private constructor(private readonly content: PolicyContentFile) {}

  /** Loads the default content, then the override file when one is given. Invalid files stop the start. */
  static load(overridePath?: string): PolicyContent {
    const base = policyContentSchema.parse(readJson(defaultContentPath()));
    if (!overridePath) return PolicyContent.from(base);
    const override = policyOverrideSchema.parse(readJson(overridePath));
    return PolicyContent.from(base, override);
  }

  static from(
    base: PolicyContentFile,
    override: { values?: Partial<PolicyValues>; facts?: Partial<PolicyContentFile['facts']> } = {},
  ): PolicyContent {
    const merged = {
      values: { ...base.values, ...override.values },
      facts: { ...base.facts, ...stripUndefined(override.facts ?? {}) },
    };
    const content = policyContentSchema.parse(merged);
    const unknown = unknownPlaceholders(content);
    if (unknown.length > 0) throw new Error(`Policy content uses unknown values: ${unknown.join(', ')}`);
    return new PolicyContent(content);
  }

  get values(): Readonly<PolicyValues> {
    return this.content.values;
  }

  /** The statement of one fact, with configured values filled in. */
  fact(id: FactId): string {
    return this.lines(id).join(' ');
  }

  /** A fact whose wording is a list (the filing steps), one entry per line. */
  lines(id: FactId): string[] {
    const wording = this.content.facts[id];
    return (Array.isArray(wording) ? wording : [wording]).map((line) => this.fill(line));
  }

  private fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = (this.content.values as Record<string, unknown>)[name];
      return value === undefined ? whole : String(value);
    });
  }
}

function defaultContentPath(): string {
  // Compiled code runs from dist/src/services/content; tests run from src/services/content.
  return existsSync(DEFAULT_CONTENT_PATH) ? DEFAULT_CONTENT_PATH : SOURCE_CONTENT_PATH;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function stripUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function unknownPlaceholders(content: PolicyContentFile): string[] {
  const templates = Object.values(content.facts).flat();
  const names = templates.flatMap((template) =>
    [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
  );
  return [...new Set(names.filter((name) => !(name in content.values)))];
}
