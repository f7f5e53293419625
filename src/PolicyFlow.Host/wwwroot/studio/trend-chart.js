// 趋势: the supervision page's trend as an ECharts chart (vendored from npm into /lib/echarts, loaded on first use, SVG
// renderer): open and overdue tasks at each month's end as lines, tasks assigned and completed in the month as bars.
let loading;
const charts = new Map();

function ensureECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/lib/echarts/echarts.common.min.js';
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error('echarts.common.min.js failed to load'));
    document.head.appendChild(script);
  });
  return loading;
}

// points: [{ month, open, overdue, created, completed }]; labels: { open, overdue, created, completed }.
export async function render(elementId, points, labels) {
  const echarts = await ensureECharts();
  const element = document.getElementById(elementId);
  if (!element) return;
  let chart = charts.get(elementId);
  if (!chart || chart.getDom() !== element) {
    chart?.dispose();
    chart = echarts.init(element, null, { renderer: 'svg' });
    charts.set(elementId, chart);
    const resized = chart;
    new ResizeObserver(() => resized.isDisposed() || resized.resize()).observe(element);
  }
  const series = (key, type, color) => ({
    id: key, name: labels[key], type, data: points.map((p) => p[key]), itemStyle: { color }, lineStyle: { color, width: 3 },
    symbolSize: 8, barMaxWidth: 28, label: { show: true, position: 'top', fontSize: 11, formatter: (p) => (p.value ? p.value : '') }, emphasis: { focus: 'series' },
  });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series('open', 'line', '#1976d2'), series('overdue', 'line', '#d32f2f'), series('created', 'bar', '#90a4ae'), series('completed', 'bar', '#388e3c')],
  }, true);
  element.dataset.rendered = 'true';
}

export function dispose(elementId) {
  charts.get(elementId)?.dispose();
  charts.delete(elementId);
}
