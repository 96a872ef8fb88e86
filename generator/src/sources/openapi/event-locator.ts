/**
 * Positions in a file that `fast-parse.ts` read, for the diagnostics that ask: js-yaml's parser
 * events (offsets into the text, no values built) walked along the pointer. Parsing the events
 * of Files' description takes a fifth of what `yaml`'s document takes. A pointer the walk cannot
 * follow (a key written in a form whose string it does not know) is left to `yaml`'s document.
 */
import { CORE_SCHEMA, EVENT_ID, type Event, SCALAR_STYLE, type ScalarEvent, getScalarValue, load, parseEvents } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { segmentsFromPointer } from './json-pointer.js';
import { type LinePosition, NodeLocator } from './node-locator.js';

/** Plain keys that are not their own text as JavaScript object keys (`~` → `''`, `0x1F` → `'31'`). */
const RESOLVED_PLAIN_KEY = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+.]?[0-9].*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN))$/;

export class EventLocator {
  readonly #text: string;
  #events: Event[] | undefined;
  #lineCounter: LineCounter | undefined;
  #yaml: NodeLocator | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  locate(pointer: string): LinePosition | undefined {
    const offset = this.#offsetOf(pointer);
    if (offset === undefined) return this.#yamlLocator().locate(pointer);
    return this.#position(offset);
  }

  /** Where the node at `pointer` starts: for a mapping member its key, as `NodeLocator` gives it. */
  #offsetOf(pointer: string): number | undefined {
    this.#events ??= parseEvents(this.#text, {});
    const events = this.#events;
    // events[0] opens the document; its root node follows
    let node = 1;
    const segments = segmentsFromPointer(pointer);
    for (const [index, segment] of segments.entries()) {
      const last = index === segments.length - 1;
      const event = events[node];
      if (event?.type === EVENT_ID.MAPPING) {
        let key = node + 1;
        let found: number | undefined;
        while (key < events.length && events[key]?.type !== EVENT_ID.POP) {
          const value = this.#after(key);
          const keyEvent = events[key];
          if (keyEvent?.type === EVENT_ID.SCALAR && this.#keyName(keyEvent) === segment) {
            found = last ? key : value;
            break;
          }
          key = this.#after(value);
        }
        if (found === undefined) return undefined;
        node = found;
      } else if (event?.type === EVENT_ID.SEQUENCE && /^(?:0|[1-9][0-9]*)$/.test(segment)) {
        let item = node + 1;
        for (let skip = Number(segment); skip > 0 && events[item]?.type !== EVENT_ID.POP; skip -= 1) item = this.#after(item);
        if (events[item]?.type === EVENT_ID.POP) return undefined;
        node = item;
      } else {
        return undefined;
      }
    }
    return this.#start(events[node]);
  }

  /** The index of the event after the node that starts at `index`. */
  #after(index: number): number {
    const events = this.#events ?? [];
    const type = events[index]?.type;
    if (type !== EVENT_ID.MAPPING && type !== EVENT_ID.SEQUENCE) return index + 1;
    let depth = 0;
    for (let at = index; at < events.length; at += 1) {
      const event = events[at];
      if (event?.type === EVENT_ID.MAPPING || event?.type === EVENT_ID.SEQUENCE) depth += 1;
      else if (event?.type === EVENT_ID.POP && --depth === 0) return at + 1;
    }
    return events.length;
  }

  /** The key as the loader names it: the scalar's text, resolved by the core schema when plain. */
  #keyName(event: ScalarEvent): string {
    const text = getScalarValue(this.#text, event);
    if (event.style !== SCALAR_STYLE.PLAIN || !RESOLVED_PLAIN_KEY.test(text)) return text;
    const value = load(text, { schema: CORE_SCHEMA });
    return value === null ? '' : String(value);
  }

  /** Where `yaml` starts the node: a quoted scalar at its quote; a block scalar and an empty value are left to `yaml`. */
  #start(event: Event | undefined): number | undefined {
    if (event?.type === EVENT_ID.MAPPING || event?.type === EVENT_ID.SEQUENCE) return event.start;
    // an empty value has no text to point at
    if (event?.type !== EVENT_ID.SCALAR || event.valueStart < 0) return undefined;
    if (event.style === SCALAR_STYLE.PLAIN) return event.valueStart;
    if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) return event.valueStart - 1;
    return undefined;
  }

  #position(offset: number): LinePosition {
    if (!this.#lineCounter) {
      this.#lineCounter = new LineCounter();
      this.#lineCounter.addNewLine(0);
      for (let at = this.#text.indexOf('\n'); at >= 0; at = this.#text.indexOf('\n', at + 1)) this.#lineCounter.addNewLine(at + 1);
    }
    const { line, col } = this.#lineCounter.linePos(offset);
    return { line, column: col };
  }

  #yamlLocator(): NodeLocator {
    if (!this.#yaml) {
      const lineCounter = new LineCounter();
      this.#yaml = new NodeLocator(parseDocument(this.#text, { lineCounter, prettyErrors: false, uniqueKeys: false }), lineCounter);
    }
    return this.#yaml;
  }
}
