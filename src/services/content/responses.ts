import { z } from 'zod';
import type { PolicyValues } from './contentSchema';
import responseWording from '../../../content/responses.en.json';

const responsesSchema = z.record(z.string().min(1));

export type ResponseId = keyof typeof responseWording;

const wording: Readonly<Record<string, string>> = responsesSchema.parse(responseWording);

/**
 * The assistant's own sentences (everything that is not a policy fact), kept in
 * content/responses.en.json by id so they can be reviewed and translated next to the facts.
 * `{name}` is filled from `vars`, then from the policy values (platform name, day counts); a sentence
 * that names no policy value (the survey's) needs no values.
 */
export function say(
  id: ResponseId,
  values: Readonly<Partial<PolicyValues>> = {},
  vars: Readonly<Record<string, string>> = {},
): string {
  return fill(templateOf(id), values, vars);
}

/** A template with `{name}` filled from `vars`, then from the policy values; unknown names stay. */
export function fill(
  template: string,
  values: Readonly<Partial<PolicyValues>>,
  vars: Readonly<Record<string, string>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name] ?? (values as Record<string, unknown>)[name];
    return value === undefined ? whole : String(value);
  });
}

/** One sentence as written in the content file, its `{name}` placeholders unfilled. */
export function templateOf(id: ResponseId): string {
  return wording[id];
}

/** The `{name}` placeholders of a template, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}
