// Counts one view of this page: the page (and the article), and the domain the reader came from, sent to this
// site's own /count with navigator.sendBeacon. No cookie, no storage, nothing else about the reader or their
// browser. A reader who asks not to be tracked (Global Privacy Control, Do Not Track) is not counted. Readers
// without JavaScript load the <noscript> image instead, so no view is counted twice.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !navigator.sendBeacon) {
    return;
  }
  if (navigator.globalPrivacyControl === true || navigator.doNotTrack === '1' || window.doNotTrack === '1') {
    return;
  }
  var params = new URLSearchParams();
  params.set('p', script.dataset.page || '');
  if (script.dataset.article) {
    params.set('a', script.dataset.article);
  }
  // Only the referring site's domain, and only when it is another site (a link inside this one says nothing).
  if (!document.referrer) {
    params.set('r', '');
  } else {
    try {
      var from = new URL(document.referrer).hostname;
      if (from && from !== location.hostname) {
        params.set('r', from);
      }
    } catch (notAUrl) {
      // an unreadable referrer is not counted
    }
  }
  var url = script.dataset.endpoint + '?' + params.toString();
  function send() {
    navigator.sendBeacon(url);
  }
  // A page the browser prerenders is counted when the reader actually opens it.
  if (document.prerendering) {
    document.addEventListener('prerenderingchange', send, { once: true });
  } else {
    send();
  }
})();
