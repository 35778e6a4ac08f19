// Passkeys: sign in with one on /login (#passkey-sign-in), add one on the security page (#passkey-register).
// The server is Spring Security's WebAuthn support; this file only moves its JSON to and from the browser's
// WebAuthn API (binary fields travel as base64url). The CSRF token comes from the page's own form.
(function () {
  'use strict';

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return window.btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function fromBase64Url(text) {
    var binary = window.atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function csrfHeaders(form) {
    var token = form.querySelector('input[name="_csrf"]');
    var headers = {'Content-Type': 'application/json'};
    if (token) {
      headers['X-CSRF-TOKEN'] = token.value;
    }
    return headers;
  }

  function postJson(url, headers, body) {
    return fetch(url, {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function show(status, message) {
    if (status) {
      status.textContent = message;
      status.hidden = false;
    }
  }

  function signIn(button) {
    var form = document.getElementById(button.getAttribute('data-csrf-form'));
    var status = document.getElementById('passkey-status');
    var headers = csrfHeaders(form);
    button.disabled = true;
    postJson(button.getAttribute('data-options'), headers)
      .then(function (options) {
        options.challenge = fromBase64Url(options.challenge);
        options.allowCredentials = (options.allowCredentials || []).map(function (c) {
          return Object.assign({}, c, {id: fromBase64Url(c.id)});
        });
        return navigator.credentials.get({publicKey: options});
      })
      .then(function (credential) {
        var response = credential.response;
        return postJson(button.getAttribute('data-action'), headers, {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          response: {
            authenticatorData: toBase64Url(response.authenticatorData),
            clientDataJSON: toBase64Url(response.clientDataJSON),
            signature: toBase64Url(response.signature),
            userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
          },
          credType: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        });
      })
      .then(function (result) {
        window.location.assign(result.redirectUrl);
      })
      .catch(function () {
        button.disabled = false;
        show(status, button.getAttribute('data-failed'));
      });
  }

  function register(form) {
    var status = document.getElementById('passkey-status');
    var label = form.querySelector('input[name="label"]').value.trim();
    var headers = csrfHeaders(form);
    if (!label) {
      show(status, form.getAttribute('data-label-missing'));
      return;
    }
    postJson(form.getAttribute('data-options'), headers)
      .then(function (options) {
        options.challenge = fromBase64Url(options.challenge);
        options.user = Object.assign({}, options.user, {id: fromBase64Url(options.user.id)});
        options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
          return Object.assign({}, c, {id: fromBase64Url(c.id)});
        });
        return navigator.credentials.create({publicKey: options});
      })
      .then(function (credential) {
        var response = credential.response;
        return postJson(form.getAttribute('action'), headers, {
          publicKey: {
            credential: {
              id: credential.id,
              rawId: toBase64Url(credential.rawId),
              response: {
                attestationObject: toBase64Url(response.attestationObject),
                clientDataJSON: toBase64Url(response.clientDataJSON),
                transports: response.getTransports ? response.getTransports() : []
              },
              type: credential.type,
              clientExtensionResults: credential.getClientExtensionResults(),
              authenticatorAttachment: credential.authenticatorAttachment
            },
            label: label
          }
        });
      })
      .then(function (result) {
        if (!result.success) {
          throw new Error('not registered');
        }
        window.location.assign(form.getAttribute('data-done'));
      })
      .catch(function () {
        show(status, form.getAttribute('data-failed'));
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.PublicKeyCredential) {
      return;
    }
    var button = document.getElementById('passkey-sign-in');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        signIn(button);
      });
    }
    var form = document.getElementById('passkey-register');
    if (form) {
      form.hidden = false;
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        register(form);
      });
    }
  });
})();
