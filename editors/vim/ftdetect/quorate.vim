" Terms of reference and meeting records for quorate
autocmd BufRead,BufNewFile *.tor,*.minutes setfiletype quorate
