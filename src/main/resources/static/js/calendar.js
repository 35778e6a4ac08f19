// The editorial calendar: a scheduled piece an editor may move is dragged onto another day of the month grid or the
// week list; dropped there, its Move form (the one that works without this script) is sent with that day and the
// piece's time, and the server checks it as any schedule (a contributor is refused, a time gone by too).
(function () {
  'use strict';

  var movable = document.querySelectorAll('[data-reschedule]');
  if (movable.length === 0 || !('draggable' in document.createElement('li'))) { return; }
  var hint = document.getElementById('calendar-drag-hint');
  if (hint) { hint.hidden = false; }
  var dragged = null;

  movable.forEach(function (piece) {
    piece.setAttribute('draggable', 'true');
    piece.classList.add('calendar__piece--movable');
    piece.addEventListener('dragstart', function (event) {
      dragged = piece;
      piece.classList.add('calendar__piece--dragged');
      if (event.dataTransfer) {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', piece.getAttribute('data-reschedule'));
      }
    });
    piece.addEventListener('dragend', function () {
      piece.classList.remove('calendar__piece--dragged');
      dragged = null;
    });
  });

  document.querySelectorAll('[data-day]').forEach(function (day) {
    day.addEventListener('dragover', function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      if (event.dataTransfer) { event.dataTransfer.dropEffect = 'move'; }
      day.classList.add('calendar__day--target');
    });
    day.addEventListener('dragleave', function () { day.classList.remove('calendar__day--target'); });
    day.addEventListener('drop', function (event) {
      day.classList.remove('calendar__day--target');
      var formId = dragged ? dragged.getAttribute('data-reschedule')
        : (event.dataTransfer && event.dataTransfer.getData('text/plain'));
      var form = formId && document.getElementById(formId);
      if (!form) { return; }
      event.preventDefault();
      var date = form.querySelector('input[name=date]');
      if (date.value === day.getAttribute('data-day')) { return; }
      date.value = day.getAttribute('data-day');
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    });
  });
})();
