-- quorate for Neovim 0.7 or later (Debian 12 has 0.7.2): terms files (.tor)
-- and meeting records (.minutes) get the filetype `quorate` and the
-- language server `quorate lsp` (diagnostics, hover, definition,
-- references, rename, formatting, completion).  Copy to
-- ~/.config/nvim/plugin/quorate.lua (docs/editors.md).
local group = vim.api.nvim_create_augroup('quorate', { clear = true })

-- An autocommand rather than vim.filetype.add, which 0.7 reads only when
-- filetype.lua is switched on.
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  group = group,
  pattern = { '*.tor', '*.minutes' },
  command = 'setfiletype quorate',
})

-- One server for the files of a folder: a record's terms are looked for
-- beside it and in the folder above, so the folder is the server's root.
local clients = {}

vim.api.nvim_create_autocmd('FileType', {
  group = group,
  pattern = 'quorate',
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local root = vim.fn.fnamemodify(file ~= '' and file or vim.fn.getcwd(), ':p:h')
    local config = { name = 'quorate', cmd = { 'quorate', 'lsp' }, root_dir = root }
    if vim.lsp.start then -- 0.8 and later: finds or starts the client itself
      vim.lsp.start(config)
      return
    end
    local id = clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client(config)
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
