// The site's one stylesheet: readable at 320 px, high-contrast statuses that carry a word and a
// shape as well as a colour, and a print layout without the navigation chrome.
export const SITE_CSS = `:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; --link: #005ea2; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main, header.site, footer.site { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 1px solid var(--line); }
footer.site { border-top: 1px solid var(--line); margin-top: 2rem; color: var(--muted); }
a { color: var(--link); }
a:focus, summary:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
.brand { font-weight: 600; }
h1 { font-size: 1.75rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
.status { display: inline-block; padding: 0 .4rem; border-radius: .25rem; border: 2px solid; font-weight: 600; white-space: nowrap; }
.status.on { color: #00613f; border-color: #00613f; background: #e7f6ef; }
.status.near { color: #6b4500; border-color: #8a5a00; background: #fff4dc; }
.status.off { color: #a3300b; border-color: #a3300b; background: #fdece6; }
.status.none { color: #454545; border-color: #6b6b6b; background: #f2f2f2; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: .25rem; padding: .5rem .75rem; }
.metric { border-top: 2px solid var(--line); margin-top: 2rem; }
.metric img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; }
@media (max-width: 30rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .5rem; } h1 { font-size: 1.4rem; } }
@media print { .skip, header.site { display: none; } a { color: inherit; } .metric { break-inside: avoid; } details { display: block; } }
`;
