// A chart with its table: an SVG chart drawn by Chartist (named as one picture for screen readers) and the same numbers
// as a table, which a button shows in its place.
import { BarChart, LineChart, type BarChartOptions, type LineChartOptions } from 'chartist';
import { h, uniqueId } from './dom.js';
import { int } from './format.js';

export interface Series {
  name: string;
  values: number[];
}

export interface ChartSpec {
  title: string;
  /** The picture in words: the chart's accessible name. */
  summary: string;
  kind: 'bar' | 'line';
  /** One per category (bar) or point (line), in full: the table's first column. */
  labels: string[];
  /** Shorter labels for the axis, when the full ones are long. */
  axisLabels?: string[];
  series: Series[];
  horizontal?: boolean;
  stacked?: boolean;
  /** How values are written (table, value labels); whole numbers by default. */
  format?: (value: number) => string;
  /** Columns after the series' own in the table, one text per label (rates, shares). */
  extraColumns?: { name: string; values: string[] }[];
  /** The first column's heading. */
  labelHeading?: string;
  /** 3 when the chart sits under a section of its own. */
  headingLevel?: 2 | 3;
}

export interface MountedChart {
  element: HTMLElement;
  redraw(): void;
}

const SERIES_CLASSES = 'abcdefghijklmno';
const ROW_HEIGHT = 30;
const MAX_AXIS_LABEL = 28;

const shorten = (text: string, max = MAX_AXIS_LABEL) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Appends the chart and its table to parent and draws the chart. */
export function mountChart(parent: HTMLElement, spec: ChartSpec): MountedChart {
  const id = uniqueId('chart');
  const format = spec.format ?? int;
  const chartBox = h('div', { class: 'chart', id: `${id}-chart`, role: 'img', 'aria-label': spec.summary });
  const legend =
    spec.series.length > 1
      ? h(
          'ul',
          { class: 'legend', 'aria-hidden': 'true' },
          ...spec.series.map((s, i) => h('li', {}, h('span', { class: `swatch swatch-${SERIES_CLASSES[i]}` }), s.name)),
        )
      : null;
  const table = buildTable(spec, format);
  // Screen readers always have the table; sighted readers get it on request.
  const tableBox = h('div', { class: 'table-wrap visually-hidden', id: `${id}-table` }, table);
  const toggle = h(
    'button',
    { type: 'button', class: 'toggle', 'aria-pressed': 'false', 'aria-controls': `${id}-chart ${id}-table` },
    'Show as table',
  );
  const figure = h(
    'section',
    { class: 'card', 'aria-labelledby': `${id}-title` },
    h(
      'div',
      { class: 'card-head' },
      h(spec.headingLevel === 3 ? 'h3' : 'h2', { id: `${id}-title` }, spec.title),
      toggle,
    ),
    chartBox,
    legend,
    tableBox,
  );
  parent.append(figure);

  let chart: BarChart | LineChart | undefined;
  const draw = () => {
    chart?.detach();
    chart = spec.kind === 'line' ? drawLine(chartBox, spec, format) : drawBars(chartBox, spec, format);
    chart.on('created', () => chartBox.querySelector('svg')?.setAttribute('aria-hidden', 'true'));
  };
  toggle.addEventListener('click', () => {
    const showTable = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(showTable));
    chartBox.hidden = showTable;
    if (legend) legend.hidden = showTable;
    tableBox.classList.toggle('visually-hidden', !showTable);
    if (!showTable) draw();
  });
  draw();
  return { element: figure, redraw: draw };
}

function buildTable(spec: ChartSpec, format: (n: number) => string): HTMLTableElement {
  const headings = [
    spec.labelHeading ?? '',
    ...spec.series.map((s) => s.name),
    ...(spec.extraColumns ?? []).map((c) => c.name),
  ];
  return h(
    'table',
    {},
    // The heading above already shows the title; the caption names the table for screen readers.
    h('caption', { class: 'visually-hidden' }, spec.title),
    h(
      'thead',
      {},
      h('tr', {}, ...headings.map((name, i) => h('th', { scope: 'col', class: i ? 'num' : undefined }, name))),
    ),
    h(
      'tbody',
      {},
      ...spec.labels.map((label, row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, label),
          ...spec.series.map((s) => h('td', { class: 'num' }, format(s.values[row] ?? 0))),
          ...(spec.extraColumns ?? []).map((c) => h('td', { class: 'num' }, c.values[row] ?? '')),
        ),
      ),
    ),
  );
}

function drawBars(box: HTMLElement, spec: ChartSpec, format: (n: number) => string): BarChart {
  const labels = spec.axisLabels ?? spec.labels;
  const max = Math.max(
    0,
    ...spec.series.flatMap((s) => (spec.stacked ? [] : s.values)),
    ...(spec.stacked ? labels.map((_, i) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)) : []),
  );
  const perRow = spec.stacked ? 1 : spec.series.length;
  const longest = Math.max(0, ...labels.map((l) => shorten(l).length));
  const every = Math.max(1, Math.ceil(labels.length / 10));
  const height = spec.horizontal
    ? Math.max(120, labels.length * perRow * ROW_HEIGHT * (perRow > 1 ? 0.6 : 1) + 40)
    : 240;
  // Bars as thick as the room each category has (2 categories or 90 days alike), side by side when grouped.
  const room = (spec.horizontal ? height - 40 : Math.max(100, box.clientWidth - 60)) / Math.max(1, labels.length);
  const thickness = Math.max(2, Math.min(spec.horizontal ? 18 : 32, (room * (perRow > 1 ? 0.8 : 0.6)) / perRow));
  const valueAxis = {
    onlyInteger: true,
    low: 0,
    labelInterpolationFnc: (v: unknown) => format(Number(v)),
    ...(max > 0 ? {} : { high: 1 }),
  };
  const bars = { stackBars: spec.stacked, seriesBarDistance: thickness + 2, height: `${height}px` };
  const options: BarChartOptions = spec.horizontal
    ? {
        ...bars,
        horizontalBars: true,
        chartPadding: { top: 8, right: 56, bottom: 4, left: 4 },
        axisX: { ...valueAxis, scaleMinSpace: 48 },
        axisY: {
          offset: Math.min(220, 16 + longest * 7.5),
          showGrid: false,
          labelInterpolationFnc: (v: unknown) => shorten(String(v)),
        },
      }
    : {
        ...bars,
        chartPadding: { top: 20, right: 8, bottom: 4, left: 4 },
        axisY: { ...valueAxis, offset: 48 },
        // About ten category labels whatever their number; every value is still in the table.
        axisX: {
          showGrid: false,
          labelInterpolationFnc: (v: unknown, i: number) => (i % every === 0 ? shorten(String(v), 14) : ''),
        },
      };
  // Chartist draws horizontal categories bottom up: hand them over reversed to read top down.
  // (Its reverseData option would also reverse the series, and with them their colours.)
  const ordered = <T>(xs: T[]) => (spec.horizontal ? [...xs].reverse() : xs);
  const chart = new BarChart(
    box,
    { labels: ordered(labels), series: spec.series.map((s) => ordered(s.values)) },
    options,
  );
  chart.on('draw', (event) => {
    if (event.type !== 'bar') return;
    event.element.attr({ style: `stroke-width: ${thickness.toFixed(1)}px` });
    // The value at the end of each bar when each category has one bar: numbers to read, not to guess.
    if (spec.series.length !== 1) return;
    const value = Number((event.value as { x?: number; y?: number })?.[spec.horizontal ? 'x' : 'y'] ?? 0);
    const attrs = spec.horizontal
      ? { x: event.x2 + 6, y: event.y1 + 4 }
      : { x: event.x1, y: event.y2 - 6, 'text-anchor': 'middle' };
    event.group.elem('text', attrs, 'ct-bar-value').text(format(value));
  });
  return chart;
}

function drawLine(box: HTMLElement, spec: ChartSpec, format: (n: number) => string): LineChart {
  const labels = spec.axisLabels ?? spec.labels;
  // About eight dates on the axis whatever the period; every point is still in the table.
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const max = Math.max(0, ...spec.series.flatMap((s) => s.values));
  const options: LineChartOptions = {
    height: '260px',
    fullWidth: true,
    lineSmooth: false,
    showPoint: labels.length <= 45,
    chartPadding: { top: 12, right: 36, bottom: 4, left: 4 },
    axisY: {
      onlyInteger: true,
      low: 0,
      offset: 56,
      labelInterpolationFnc: (v: unknown) => format(Number(v)),
      ...(max > 0 ? {} : { high: 1 }),
    },
    axisX: { showGrid: false, labelInterpolationFnc: (v: unknown, i: number) => (i % every === 0 ? String(v) : '') },
  };
  return new LineChart(box, { labels, series: spec.series.map((s) => s.values) }, options);
}
