// Draws each readership chart (uPlot) from the table beside it: the table is what screen readers read, the chart
// only shows the same figures. Colours follow the page's own (light or dark).
(function () {
  'use strict';
  if (typeof uPlot === 'undefined') {
    return;
  }
  function figures(table) {
    var days = [], views = [], visitors = [];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      days.push(Date.parse(row.dataset.day + 'T00:00:00Z') / 1000);
      views.push(Number(row.dataset.views));
      visitors.push(Number(row.dataset.visitors));
    });
    return [days, views, visitors];
  }
  function draw(box) {
    var table = document.getElementById(box.dataset.table);
    if (!table) {
      return;
    }
    var style = getComputedStyle(box);
    var ink = style.color;
    var grid = style.borderTopColor;
    var axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    var chart = new uPlot({
      width: Math.max(box.clientWidth, 240),
      height: 240,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(4, max)]; } } },
      axes: [axis, Object.assign({}, axis, { size: 56 })],
      series: [
        {},
        { label: box.dataset.views, stroke: style.getPropertyValue('--chart-views').trim() || '#1d5fa6', width: 2 },
        { label: box.dataset.visitors, stroke: style.getPropertyValue('--chart-visitors').trim() || '#a34d00',
          width: 2, dash: [6, 4] }
      ]
    }, figures(table), box);
    var resizing;
    window.addEventListener('resize', function () {
      clearTimeout(resizing);
      resizing = setTimeout(function () {
        chart.setSize({ width: Math.max(box.clientWidth, 240), height: 240 });
      }, 100);
    });
  }
  document.querySelectorAll('.analytics-chart__plot[data-table]').forEach(draw);
})();
