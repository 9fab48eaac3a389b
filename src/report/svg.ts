/** Horizontal bar charts as inline SVG: no script, no external resource, every label escaped. */
import { cutText, ELLIPSIS } from '../text/format.js';

/** One bar: its label and value. */
export interface Bar {
  label: string;
  value: number;
}

/** Escapes text for XML/HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const WIDTH = 720;
const LABEL_WIDTH = 260;
const ROW = 26;
const BAR = 18;
/** Room above the bars for the chart's visible title. */
const TITLE = 24;
const TOP = 8 + TITLE;
const MAX_LABEL_CHARS = 18;

/** A horizontal bar chart: one `<svg>` element, sized to its rows, values printed after each bar. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = WIDTH - LABEL_WIDTH - 60;
  const height = TOP + 8 + Math.max(1, bars.length) * ROW;
  const rows = bars.map((bar, i) => {
    const y = TOP + i * ROW;
    const width = Math.round((bar.value / max) * plot);
    const chars = [...bar.label];
    // The label and its …… take MAX_LABEL_CHARS: the chart's label column is that wide.
    const shown = chars.length > MAX_LABEL_CHARS ? cutText(bar.label, MAX_LABEL_CHARS - ELLIPSIS.length) : bar.label;
    return (
      `<g><title>${escapeXml(`${bar.label}：${bar.value}`)}</title>` +
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR - 4}" text-anchor="end">${escapeXml(shown)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR}" fill="#b22222"></rect>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + BAR - 4}">${bar.value}</text></g>`
    );
  });
  const empty = bars.length === 0 ? `<text x="${LABEL_WIDTH}" y="${TOP + BAR - 4}">（无数据）</text>` : '';
  return (
    `<svg class="chart" role="img" aria-label="${escapeXml(title)}" width="${WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" font-size="13">` +
    // A visible title, not only the aria-label: a printed or pasted chart must say what it counts.
    `<text class="chart-title" x="${WIDTH / 2}" y="${TITLE - 6}" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>` +
    `${rows.join('')}${empty}</svg>`
  );
}
