import { describe, expect, it } from 'vitest';
import { block, cellCode, cellTextWithCode, code, fence, html, text } from '../src/targets/docs/escape.js';

describe('escaping text from the inputs for VitePress markdown', () => {
  it('turns HTML and markdown syntax into escaped characters', () => {
    expect(text('</script><script>alert(1)</script>')).toBe('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text('-ApplicationId <String> [-Headers <IDictionary>]')).toBe('\\-ApplicationId &lt;String&gt; \\[-Headers &lt;IDictionary&gt;\\]');
    expect(text('a | b *c* _d_ `e` &amp;')).toBe('a \\| b \\*c\\* \\_d\\_ \\`e\\` \\&amp;');
    expect(text('# not a heading')).toBe('\\# not a heading');
    expect(text('1. not a list')).toBe('1\\. not a list');
  });

  it('keeps Vue from compiling {{ }} with v-pre', () => {
    expect(text('{{ constructor }}')).toBe('<span v-pre>{{ constructor }}</span>');
    expect(code('{{ Add code here }}')).toBe('<span v-pre>`{{ Add code here }}`</span>');
    expect(text('{application-id}')).toBe('{application-id}');
  });

  it('joins lines for inline text and keeps paragraphs for blocks', () => {
    expect(text(' a\n b \n')).toBe('a b');
    expect(block('first\nsecond\n\n- third')).toBe('first\nsecond\n\n\\- third');
    expect(block('one {{ x }}\n\ntwo')).toBe('<span v-pre>one {{ x }}</span>\n\ntwo');
  });

  it('escapes HTML for labels VitePress renders as HTML (the sidebar)', () => {
    expect(html(`</script><img src=x onerror="alert('1')">&`)).toBe('&lt;/script&gt;&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('fences and code spans never close early', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(cellCode('<json|@file|->')).toBe('`<json\\|@file\\|->`');
    expect(fence('sh', 'echo\n```\nnot the end')).toBe('````sh\necho\n```\nnot the end\n````');
    expect(fence('http', 'GET /', 'HTTP')).toBe('```http [HTTP]\nGET /\n```');
  });

  it('shows backticked spans of a table cell as code and escapes the rest', () => {
    expect(cellTextWithCode("The request body's `credentials`: a list <T>")).toBe("The request body's `credentials`: a list &lt;T&gt;");
    expect(cellTextWithCode('use `a|b` | c')).toBe('use `a\\|b` \\| c');
    expect(cellTextWithCode('`{{ x }}` and </script>')).toBe('<span v-pre><span v-pre>`{{ x }}`</span> and &lt;/script&gt;</span>');
  });
});

describe('link targets from the inputs', () => {
  it('stay one link: characters that would end it or open markup are percent-encoded', async () => {
    const { link } = await import('../src/targets/docs/escape.js');
    expect(link('docs', 'https://x) <img src=x onerror=alert(1)>')).toBe('[docs](https://x%29%20%3Cimg%20src=x%20onerror=alert%281%29%3E)');
    expect(link('docs', '../models/x.md')).toBe('[docs](../models/x.md)');
  });

  it('other schemes than http(s) lose the link and keep the label', async () => {
    const { link } = await import('../src/targets/docs/escape.js');
    expect(link('click', 'javascript:alert(1)')).toBe('click');
  });
});
