-- Drives the Pol language server with Neovim's built-in LSP client (0.7+),
-- the way an author would: open a policy, format it, hover, jump to a
-- definition in the imported library, ask for completions, then type a
-- mistake and wait for its diagnostic. Results go to $POL_OUT as JSON.
--
-- Environment: POL_SERVER (server.cjs), POL_FILE (the policy), POL_ROOT, POL_OUT.

local out = { steps = {} }
local function step(name, value) out.steps[name] = value end
local function finish(code)
  local f = io.open(os.getenv("POL_OUT"), "w")
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd(code == 0 and "qa!" or "cq!")
end

local ok, err = pcall(function()
  local published = {}
  local client_id = vim.lsp.start_client({
    name = "pol",
    cmd = { "node", os.getenv("POL_SERVER"), "--stdio" },
    root_dir = os.getenv("POL_ROOT"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
        table.insert(published, result)
        return vim.lsp.handlers["textDocument/publishDiagnostics"](e, result, ctx, config)
      end,
    },
  })
  assert(client_id, "the server did not start")

  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("POL_FILE")))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  assert(vim.wait(20000, function() return client.initialized and #published > 0 end, 20), "no diagnostics were published")
  step("initial_diagnostics", vim.diagnostic.get(buf))

  local uri = vim.uri_from_bufnr(buf)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  -- The 0-based position of the first `needle` on a line matching `pattern`.
  local function find(pattern, needle)
    for i, line in ipairs(lines) do
      if line:find(pattern) then return { line = i - 1, character = line:find(needle, 1, true) - 1 } end
    end
    error("no line matches " .. pattern)
  end
  local function request(method, params)
    local response, e = client.request_sync(method, params, 20000, buf)
    assert(response, "no answer to " .. method .. ": " .. tostring(e))
    return response
  end

  step("formatting", request("textDocument/formatting", {
    textDocument = { uri = uri }, options = { tabSize = 2, insertSpaces = true },
  }))
  step("hover", request("textDocument/hover", {
    textDocument = { uri = uri }, position = find("^%s*intent is curative", "intent"),
  }))
  step("definition", request("textDocument/definition", {
    textDocument = { uri = uri }, position = find("^%s*general_criteria,", "general_criteria"),
  }))
  local covered = find("^%s*intent is curative", "curative")
  step("completion", request("textDocument/completion", {
    textDocument = { uri = uri }, position = covered,
  }))
  step("unknown_request", { client.request_sync("pol/noSuchRequest", {}, 5000, buf) })

  -- Type a mistake: a misspelt fact name.
  local row = covered.line
  local fixed = lines[row + 1]
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { (fixed:gsub("intent is curative", "intnt is curative")) })
  local before = #published
  assert(vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == "unknown-name" then return true end
    end
    return false
  end, 20), "the mistake was not reported")
  step("diagnostics_after_mistake", vim.diagnostic.get(buf))
  step("publishes_after_mistake", #published - before)

  -- Half-typed text must not stop the server from answering.
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { "    intent is (((" })
  step("hover_after_garbage", request("textDocument/hover", {
    textDocument = { uri = uri }, position = { line = row, character = 5 },
  }))

  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 20)
end)

if not ok then
  out.error = tostring(err)
  finish(1)
else
  finish(0)
end
