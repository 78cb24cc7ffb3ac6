import remarkGfm from 'remark-gfm';
import remarkGithub from 'remark-github';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { escapeTerminal } from '../../src/report/escape.js';
import { code, md } from '../../src/report/markdown-escape.js';
import { markdownReporter } from '../../src/report/markdown.js';
import { finding } from '../helpers/finding.js';
import { render } from './render.js';
import { scanResult } from './scan-result.js';

/** Values a log could carry that GitHub would turn into a link, a mention, a reference or markup. */
const HOSTILE = [
  'https://evil.example/login?next=/',
  'http://evil.example',
  'www.evil.example',
  'WWW.evil.example/path',
  'carol@example.com',
  'mailto:carol@example.com',
  'xmpp:carol@example.com',
  'foo.bar+tag@sub.example.org.',
  '@octocat',
  '@org/team',
  'hi @org/team-x please',
  '#123',
  'GH-42',
  'owner/repo#7',
  'see 5f0c2a9d41e7b3c8a1b2 now',
  '<https://evil.example>',
  '[click](https://evil.example)',
  '![img](https://evil.example/x.png)',
  '[ref]: https://evil.example',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">x</a>',
  '&lt;script&gt;',
  '`code` ``double`` `',
  '` leading and trailing `',
  'x | y | z',
  '*bold* _it_ ~~gone~~ [^1]',
  'line\nbreak https://evil.example\r\n',
  'ftp://evil.example/file',
];

/** GitHub-flavoured Markdown as GitHub renders comments: GFM (autolink literals) plus mentions and references. */
function parse(markdown: string) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkGithub, { repository: 'example/repo' })
    .runSync(unified().use(remarkParse).use(remarkGfm).parse(markdown));
}

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

function nodes(tree: Node): Node[] {
  return [tree, ...(tree.children ?? []).flatMap(nodes)];
}

/** What a reader sees: the text and inline code of the document, in order. */
function visibleText(tree: Node): string {
  return nodes(tree)
    .filter((n) => n.type === 'text' || n.type === 'inlineCode')
    .map((n) => n.value)
    .join('');
}

const ACTIVE = new Set([
  'link',
  'linkReference',
  'image',
  'imageReference',
  'definition',
  'html',
  'footnoteReference',
  'footnoteDefinition',
  'delete',
  'emphasis',
  'strong',
]);

/** The report's own bold labels (**Client:**, ...): six, a seventh with the identity provider's verdicts. */
const OWN_STRONG = 6;

/** Link, mention, HTML and markup nodes, beyond the report's own `ownStrong` bold labels. */
function activeNodes(markdown: string, ownStrong = OWN_STRONG): string[] {
  const active = nodes(parse(markdown) as Node)
    .filter((n) => ACTIVE.has(n.type))
    .map((n) => n.type);
  const strong = active.filter((t) => t === 'strong').length;
  return [...active.filter((t) => t !== 'strong'), ...(strong > ownStrong ? ['strong'] : [])];
}

describe('Markdown report: no log field becomes a link, a mention or markup (checked with remark-gfm + remark-github)', () => {
  const fields: [string, (v: string) => Partial<Finding>][] = [
    ['user', (v) => ({ user: v })],
    ['session', (v) => ({ session: v })],
    ['user agent', (v) => ({ client: { userAgent: v, class: 'http-library', ip: null } })],
    ['ip', (v) => ({ client: { userAgent: 'curl/8', class: 'cli', ip: v } })],
    ['reason', (v) => ({ reason: v })],
    ['evidence file', (v) => ({ evidence: [{ file: v, line: 3, time: '2026-11-02T09:00:00.000Z', summary: 's' }] })],
    [
      'identity provider signal',
      (v) => ({ corroboratedBy: [{ file: v, line: 2, time: '2026-11-02T09:00:00.000Z', summary: 's', signal: v, detail: null }] }),
    ],
  ];
  it("a plain finding has only the report's own six bold labels", async () => {
    const text = await render(markdownReporter, scanResult([finding()]));
    expect(nodes(parse(text) as Node).filter((n) => n.type === 'strong')).toHaveLength(OWN_STRONG);
  });

  for (const [field, make] of fields) {
    it(`${field}: every hostile value renders as plain text, shown as it was`, async () => {
      for (const value of HOSTILE) {
        const text = await render(markdownReporter, scanResult([finding(make(value))]));
        const own = OWN_STRONG + (make(value).corroboratedBy ? 1 : 0);
        expect(activeNodes(text, own), `${field} = ${JSON.stringify(value)}`).toEqual([]);
        expect(visibleText(parse(text) as Node), `${field} = ${JSON.stringify(value)}`).toContain(escapeTerminal(value).trim());
      }
    });
  }

  it('stale suppressions: the ignore-file path and the reason stay plain text', async () => {
    for (const value of HOSTILE) {
      const stale = [{ file: value, line: 2, why: 'matched nothing' as const, entry: { reason: value } }];
      const text = await render(markdownReporter, scanResult([], { staleSuppressions: stale }));
      expect(activeNodes(text), JSON.stringify(value)).toEqual([]);
    }
  });
});

describe('code() and md()', () => {
  it('code() shows its text exactly, whatever backticks and spaces it holds', () => {
    for (const value of ['a', '`', '``', 'a`b', '`a`', ' a ', '  ', 'x ``` y', '` `']) {
      const tree = parse(`p ${code(value)} q`) as Node;
      const inline = nodes(tree).filter((n) => n.type === 'inlineCode');
      expect(
        inline.map((n) => n.value),
        JSON.stringify(value),
      ).toEqual([value]);
    }
  });

  it('md() leaves ordinary prose readable: only linkable words become code', () => {
    expect(md('made 37 call(s) on a session')).toBe('made 37 call\\(s\\) on a session');
    expect(md('mail carol@example.com now')).toBe('mail `carol@example.com` now');
  });
});
