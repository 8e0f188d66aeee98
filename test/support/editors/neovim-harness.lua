-- Run inside headless Neovim after the setup of docs/other-editors.md, with a report of a temporary workspace
-- open. Drives what a person does (Tab in insert mode, hover, completion, go to definition, format) and writes
-- what it found as JSON to $NB_OUT for test/server/neovim.test.ts. Waits are bounded safety nets, not speeds.
local LIMIT = 60000
local out = { errors = {} }
local buf = vim.api.nvim_get_current_buf()

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.NB_OUT)
  vim.cmd('qa!')
end

local function check(name, fn)
  local ok, err = pcall(fn)
  if not ok then
    table.insert(out.errors, name .. ': ' .. tostring(err))
  end
end

-- The line (0-based) and byte column of the first `text` in the buffer, `delta` characters in.
local function find(text, delta)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = line:find(text, 1, true)
    if s then
      local byte = s - 1 + (delta or 0)
      return i - 1, byte, vim.str_utfindex(line, byte)
    end
  end
  error('not found: ' .. text)
end

local function request(method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, LIMIT)
  for _, r in pairs(responses or {}) do
    if r.result ~= nil then
      return r.result
    end
  end
  return nil
end

local function position(text, delta)
  local line, _, character = find(text, delta)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

check('settings', function()
  out.filetype = vim.bo.filetype
  out.expandtab = vim.bo.expandtab
  out.shiftwidth = vim.bo.shiftwidth
  out.commentstring = vim.bo.commentstring
  out.syntax = vim.b.current_syntax
end)

check('attach', function()
  out.attached = vim.wait(LIMIT, function()
    return next(vim.lsp.buf_get_clients(buf)) ~= nil
  end, 20)
  local _, client = next(vim.lsp.buf_get_clients(buf))
  out.root = client and client.config.root_dir
  out.serverName = client and client.server_capabilities and client.name
end)

-- The carry-over finding needs last year's report, which nobody opened: the workspace index read it.
check('diagnostics', function()
  vim.wait(LIMIT, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'NB306' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'NB306') then
        return true
      end
    end
    return false
  end, 20)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { line = d.lnum, message = d.message })
  end
end)

check('tab', function()
  local line = find('本年度办理结果:')
  vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
  vim.cmd([[execute "normal! o\<Tab>yygk"]])
  out.tabLine = vim.api.nvim_get_current_line()
  vim.cmd('undo')
end)

check('hover', function()
  local result = request('textDocument/hover', position('上年结转政府信息公开申请数量', 1))
  out.hover = result and (result.contents.value or vim.inspect(result.contents))
end)

check('completion', function()
  -- A row typed as its pinyin initials where it belongs (the row itself removed first).
  local line = find('    予以公开:')
  local removed = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { '    yygk' })
  local result = request('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line, character = 8 },
  })
  local items = result and (result.items or result) or {}
  out.completionLabels = {}
  for _, item in ipairs(items) do
    table.insert(out.completionLabels, item.label)
    if item.label:find('予以公开', 1, true) then
      out.completionFilterText = item.filterText
    end
  end
  -- What Neovim's own completion (omnifunc) keeps of them for the typed `yygk`, and for `予以`.
  out.builtinForPinyin = #vim.lsp.util.text_document_completion_list_to_complete_items(result or {}, 'yygk')
  out.builtinForChinese = #vim.lsp.util.text_document_completion_list_to_complete_items(result or {}, '予以')
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, removed)
end)

check('definition', function()
  local row = '上年结转政府信息公开申请数量: ['
  local result = request('textDocument/definition', position(row, #row))
  local first = result and (result[1] or result)
  out.definition = first and {
    uri = first.uri or first.targetUri,
    line = (first.range or first.targetRange).start.line,
    character = (first.range or first.targetRange).start.character,
  }
end)

check('format', function()
  local line = find('  上年结转政府信息公开申请数量:')
  local original = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  out.formatBefore = original:gsub(', ', ' ,  ')
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { out.formatBefore })
  vim.lsp.buf.formatting_sync(nil, LIMIT)
  out.formatAfter = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  out.formatOriginal = original
end)

finish()
