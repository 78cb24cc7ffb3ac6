import { createHash } from 'node:crypto';

/**
 * The HTML report's only style sheet, inline. The Content-Security-Policy allows exactly this text by its hash, so no
 * other style (an injected attribute or element) would apply even if one got through.
 */
export const HTML_STYLE = `
:root{--ink:#1b1e23;--muted:#5c636e;--line:#d8dce2;--bg:#fff;--band:#f6f7f9;--human:#1c64c8;--auto:#d6336c;--own:#2b8a3e;--other:#868e96;--signin:#3b3bb3;--net:#e8590c;--task:#2f9e44}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:20px 0 8px}
.muted{color:var(--muted)}code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:8px 0;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600;background:var(--band)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:700;text-transform:uppercase;color:#fff}
.sev-critical{background:#a61e4d}.sev-high{background:#d9480f}.sev-medium{background:#e67700}.sev-low{background:#1971c2}.sev-info{background:#868e96}
article.finding{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:12px 0;break-inside:avoid}
article.finding h4{margin:0 0 6px;font-size:15px}.reason{margin:4px 0 8px;font-size:15px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
figure.timeline-figure{margin:10px 0}figcaption{color:var(--muted);font-size:12.5px}
svg.timeline{display:block;max-width:100%;height:auto;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.lane-bg{fill:#fff}.lane-bg.odd{fill:var(--band)}.focus-mark{fill:var(--auto)}
.lane-label{font-size:13px;fill:var(--ink)}.lane-label.strong{font-weight:700}.lane-sub{font-size:11px;fill:var(--muted)}.lane-sub.warn{fill:var(--net);font-weight:600}
.lane-stats{font-size:11px;fill:var(--ink)}
.bar,.burst{fill:var(--other)}.role-human .burst{fill:var(--human)}.role-automation .burst{fill:var(--auto)}.role-own-credential .burst{fill:var(--own)}.role-human .bar{fill:var(--human)}.role-automation .bar{fill:var(--auto)}.role-own-credential .bar{fill:var(--own)}
.span{stroke:var(--other);stroke-width:2}.role-human .span{stroke:var(--human)}.role-automation .span{stroke:var(--auto)}.role-own-credential .span{stroke:var(--own)}
.use-mark{stroke:var(--ink);stroke-width:1.5;fill:none}
.signin{stroke:var(--signin);stroke-width:1.5}.signin-label{font-size:11px;fill:var(--signin);font-weight:600}.signin-mark{fill:var(--signin)}
.signout{stroke:var(--muted);stroke-width:1.5;stroke-dasharray:4 3}.signout-label{font-size:11px;fill:var(--muted);font-weight:600}
.netchange circle,.netchange-swatch{fill:#fff;stroke:var(--net);stroke-width:2.5}.net-label{font-size:11px;fill:var(--net);font-weight:600}
.task-window{fill:var(--task);fill-opacity:.12;stroke:var(--task);stroke-opacity:.6}.task-label{font-size:11px;fill:var(--task);font-weight:600}
.axis,.tick{stroke:var(--muted)}.tick-label,.axis-title{font-size:11px;fill:var(--muted)}
.swatch.human{fill:var(--human)}.swatch.automation{fill:var(--auto)}.swatch.own-credential{fill:var(--own)}.legend-label{font-size:11px;fill:var(--ink)}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{body{max-width:none}article.finding{page-break-inside:avoid}}
`;

/** The style sheet's CSP source: `'sha256-…'` of exactly the text inside the style element. */
export const HTML_STYLE_HASH = `'sha256-${createHash('sha256').update(HTML_STYLE).digest('base64')}'`;

/** Nothing may load or run: no script, no request to any host, no form, no frame; only the style sheet above. */
export const HTML_CSP = `default-src 'none'; style-src ${HTML_STYLE_HASH}; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
