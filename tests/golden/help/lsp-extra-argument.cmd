lsp extra
