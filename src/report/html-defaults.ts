/** How many findings' timelines the HTML report draws by default (`--html-timelines`); the rest are listed. */
export const DEFAULT_HTML_TIMELINES = 200;
