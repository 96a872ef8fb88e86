import { ParsedSections } from './markdown-sections.js';
import { SharedProperties } from './notes.js';

/** What the help files of one folder share, each read once: equal NOTES trees and equal markdown sections. */
export class SharedReading {
  readonly properties = new SharedProperties();
  readonly sections = new ParsedSections();
}
