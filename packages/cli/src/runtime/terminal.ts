/**
 * Text that came from a server or a description must not drive the terminal: an OSC sequence
 * can set the window title or write a hyperlink, a CSI one can move the cursor or clear lines.
 * Escape sequences and other control characters are removed before such text is printed; line
 * breaks and tabs stay, and so do the bold on/off codes the help's own headings use.
 */
const ESCAPE_SEQUENCE = /\u001b(?:\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\[[0-?]*[ -/]*[@-~]?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
const OWN_STYLES: ReadonlySet<string> = new Set(['\u001b[1m', '\u001b[22m']);
/** C0 and C1 controls but tab, line feed and ESC (whose sequences are handled above). */
const CONTROL = /[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]/g;

export function safeForTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, (sequence) => (OWN_STYLES.has(sequence) ? sequence : '')).replace(CONTROL, '');
}

/** The same for a single line (an error message): line breaks and tabs become one space. */
export function safeLine(text: string): string {
  return safeForTerminal(text)
    .replace(/\s*[\r\n\t]+\s*/g, ' ')
    .replace(/\u001b/g, '');
}
