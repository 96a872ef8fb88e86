import type { Heading, Root, RootContent, Yaml } from 'mdast';
import { inlineText } from './markdown.js';

/** A `### Title` block inside a section, with everything up to the next `###` or `##`. */
export interface HelpSubsection {
  readonly title: string;
  readonly heading: Heading;
  readonly body: readonly RootContent[];
}

/** A `## NAME` section: the content before its first `###`, then its subsections. */
export interface HelpSection {
  /** Heading text upper-cased and whitespace-collapsed: `SYNTAX`, `RELATED LINKS`. */
  readonly name: string;
  readonly heading: Heading;
  readonly body: readonly RootContent[];
  readonly subsections: readonly HelpSubsection[];
}

export interface HelpOutline {
  readonly frontMatter?: Yaml;
  readonly title?: Heading;
  readonly sections: readonly HelpSection[];
}

interface MutableSection {
  name: string;
  heading: Heading;
  body: RootContent[];
  subsections: { title: string; heading: Heading; body: RootContent[] }[];
}

/** Groups the flat mdast children of a help file by its `#`, `##` and `###` headings. */
export function outlineHelpDocument(root: Root): HelpOutline {
  let frontMatter: Yaml | undefined;
  let title: Heading | undefined;
  const sections: MutableSection[] = [];

  for (const node of root.children) {
    if (node.type === 'yaml' && frontMatter === undefined && title === undefined && sections.length === 0) {
      frontMatter = node;
    } else if (node.type === 'heading' && node.depth === 1 && title === undefined && sections.length === 0) {
      title = node;
    } else if (node.type === 'heading' && node.depth === 2) {
      sections.push({ name: sectionName(node), heading: node, body: [], subsections: [] });
    } else {
      appendToCurrent(sections.at(-1), node);
    }
  }
  return { frontMatter, title, sections };
}

function appendToCurrent(section: MutableSection | undefined, node: RootContent): void {
  if (section === undefined) return;
  if (node.type === 'heading' && node.depth === 3) {
    section.subsections.push({ title: headingText(node), heading: node, body: [] });
    return;
  }
  const subsection = section.subsections.at(-1);
  (subsection ? subsection.body : section.body).push(node);
}

export function headingText(heading: Heading): string {
  return inlineText(heading).replace(/\s+/g, ' ').trim();
}

function sectionName(heading: Heading): string {
  return headingText(heading).toUpperCase();
}

/** First section of each name, so a reader can ask for `SYNTAX` without caring about order. */
export function indexSections(sections: readonly HelpSection[]): ReadonlyMap<string, HelpSection> {
  const byName = new Map<string, HelpSection>();
  for (const section of sections) if (!byName.has(section.name)) byName.set(section.name, section);
  return byName;
}

/** All nodes of a section in order, subsection headings included. */
export function sectionNodes(section: HelpSection): RootContent[] {
  return [...section.body, ...section.subsections.flatMap((sub) => [sub.heading, ...sub.body])];
}
