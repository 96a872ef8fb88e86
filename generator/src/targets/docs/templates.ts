/**
 * The handlebars templates of `generator/templates/docs/`. Templates never escape on their own
 * (`noEscape`): every value from the inputs goes through an explicit helper — `text`, `block`,
 * `code`, `cellCode`, `cellTextWithCode`, `fence`, `link` — so what is escaped, and how, is visible in the template.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { block, cellCode, cellTextWithCode, code, fence, link, text } from './escape.js';

const TEMPLATE_DIR = new URL('../../../templates/docs/', import.meta.url);

export type TemplateName = 'operation' | 'cmdlet' | 'cli-command' | 'client-builder' | 'model' | 'reference-index';

const engine = Handlebars.create();
engine.registerHelper('text', (value: unknown) => text(asString(value)));
engine.registerHelper('block', (value: unknown) => block(asString(value)));
engine.registerHelper('code', (value: unknown) => code(asString(value)));
engine.registerHelper('cellCode', (value: unknown) => cellCode(asString(value)));
engine.registerHelper('cellTextWithCode', (value: unknown) => cellTextWithCode(asString(value)));
engine.registerHelper('fence', (language: unknown, content: unknown, title: unknown) => fence(asString(language), asString(content), typeof title === 'string' ? title : undefined));
engine.registerHelper('concat', (...values: unknown[]) => values.slice(0, -1).map(asString).join(''));
engine.registerHelper('link', (label: unknown, target: unknown) => link(asString(label), asString(target)));

function asString(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>();

/** Render a template; the result has LF endings, no trailing blank lines and ends with one newline. */
export function render(name: TemplateName, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(new URL(`${name}.md.hbs`, TEMPLATE_DIR), 'utf8');
    template = engine.compile(source, { noEscape: true });
    compiled.set(name, template);
  }
  return `${template(view)
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
