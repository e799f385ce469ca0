// quorate for VS Code: starts `quorate lsp` for terms files (.tor) and
// meeting records (.minutes), saved or not.  The command is found on PATH,
// or set with the setting quorate.path.  Built with npm (docs/editors.md).
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('quorate').get('path') || 'quorate';
  const server = { command, args: ['lsp'] };
  const options = {
    documentSelector: [
      { scheme: 'file', language: 'quorate' },
      { scheme: 'untitled', language: 'quorate' },
    ],
  };
  client = new LanguageClient('quorate', 'quorate language server', server, options);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
