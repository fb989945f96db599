// Builds the charts from the embedded data; marks each canvas with the points Chart.js actually drew.
(function () {
  var data = JSON.parse(document.getElementById('stats-data').textContent);
  if (typeof Chart === 'undefined') { document.body.dataset.chartsError = 'Chart.js did not load'; return; }
  Chart.defaults.animation = false;
  var texts = data.texts;
  // The report's wording arrives with {0}, {1} … in it, as ReportTexts fills them in Java.
  function fill(text, args) {
    return text.replace(/\{(\d+)\}/g, function (m, i) { return args[i]; });
  }
  var colors = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
  function drawn(canvas, chart) {
    var n = 0;
    chart.data.datasets.forEach(function (d, i) { n += chart.getDatasetMeta(i).data.length; });
    canvas.dataset.renderedPoints = String(n);
  }
  data.scopes.forEach(function (s) {
    var h = document.getElementById('turnout-' + s.id);
    drawn(h, new Chart(h, {type: 'bar',
      data: {labels: s.histogram.labels, datasets: [{label: texts.precincts, data: s.histogram.counts,
             backgroundColor: s.histogram.over.map(function (o) { return o ? '#d62728' : '#4e79a7'; })}]},
      options: {maintainAspectRatio: false, plugins: {legend: {display: false}},
        scales: {x: {title: {display: true, text: texts.turnout}},
                 y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: texts.precincts}}}}}));
    var c = document.getElementById('scatter-' + s.id);
    drawn(c, new Chart(c, {type: 'scatter',
      data: {datasets: s.scatter.map(function (d, i) {
        return {label: fill(texts.leader, [d.party]), data: d.points, backgroundColor: colors[i % colors.length], pointRadius: 4};
      })},
      options: {maintainAspectRatio: false,
        scales: {x: {min: 0, max: Math.max(100, s.maxTurnout), title: {display: true, text: texts.turnout}},
                 y: {min: 0, max: Math.max(100, s.maxShare), title: {display: true, text: texts.share}}},
        plugins: {tooltip: {callbacks: {label: function (ctx) {
          var p = ctx.raw;
          return fill(texts.tooltip, [p.precinct, p.city ? ', ' + p.city : '', p.x.toFixed(1), p.y.toFixed(1)]);
        }}}}}}));
  });
  document.body.dataset.chartsReady = 'true';
})();
