-- quorate for Neovim 0.8 or later: terms files (.tor) and meeting records
-- (.minutes) get the filetype `quorate` and the language server `quorate lsp`
-- (diagnostics, hover, definition, references, rename, formatting,
-- completion).  Copy to ~/.config/nvim/plugin/quorate.lua (docs/editors.md).
vim.filetype.add({ extension = { tor = 'quorate', minutes = 'quorate' } })

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'quorate',
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    vim.lsp.start({
      name = 'quorate',
      cmd = { 'quorate', 'lsp' },
      -- one server for the files of a folder and the folder above, where a
      -- record's terms are looked for
      root_dir = vim.fs.dirname(file ~= '' and file or vim.fn.getcwd()),
    })
  end,
})
