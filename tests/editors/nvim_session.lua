-- A Neovim session as docs/editors.md describes it, run headless by
-- tests/nvim.sh with the plug-in editors/nvim/quorate.lua installed:
-- open a terms file with a misspelt role, wait for the server's
-- diagnostic, take its quick fix, hover on a class, then open a record
-- and wait for its finding.  Prints one line per fact; tests/nvim.sh
-- compares them with what the docs promise.
local function say(...) io.stdout:write(string.format(...), '\n') end
local function wait_for_diagnostics(buf)
  return vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
end
local function uri(buf) return vim.uri_from_bufnr(buf) end

vim.cmd('edit terms.tor')
local terms = vim.api.nvim_get_current_buf()
say('filetype %s', vim.bo.filetype)
if not wait_for_diagnostics(terms) then say('no diagnostics') end
local d = vim.diagnostic.get(terms)[1]
if d then
  say('diagnostic %d:%d %s [%s]', d.lnum + 1, d.col + 1, d.message, tostring(d.code))
  local lsp_diag = d.user_data and d.user_data.lsp
  local actions = vim.lsp.buf_request_sync(terms, 'textDocument/codeAction', {
    textDocument = { uri = uri(terms) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = { lsp_diag } },
  }, 10000)
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      say('quick fix: %s', a.title)
      if a.edit then vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16') end
    end
  end
  vim.cmd('write')
  vim.wait(10000, function()
    for _, e in ipairs(vim.diagnostic.get(terms)) do
      if e.severity == vim.diagnostic.severity.ERROR then return false end
    end
    return true
  end, 50)
  say('after the fix: %s', vim.api.nvim_buf_get_lines(terms, d.lnum, d.lnum + 1, false)[1])
  for _, e in ipairs(vim.diagnostic.get(terms)) do say('remaining %d:%d %s', e.lnum + 1, e.col + 1, e.message) end
end

-- K on `financial` after `class`
for i, line in ipairs(vim.api.nvim_buf_get_lines(terms, 0, -1, false)) do
  local col = line:find('class financial', 1, true)
  if col then
    local hover = vim.lsp.buf_request_sync(terms, 'textDocument/hover', {
      textDocument = { uri = uri(terms) }, position = { line = i - 1, character = col + 6 },
    }, 10000)
    for _, r in pairs(hover or {}) do
      if r.result then
        for text in r.result.contents.value:gmatch('[^\n]+') do say('hover: %s', text) end
      end
    end
    break
  end
end

vim.cmd('edit meeting.minutes')
local record = vim.api.nvim_get_current_buf()
say('filetype %s', vim.bo.filetype)
if not wait_for_diagnostics(record) then say('no diagnostics') end
for _, f in ipairs(vim.diagnostic.get(record)) do
  say('finding %d:%d %s', f.lnum + 1, f.col + 1, f.message)
end
vim.cmd('qa!')
