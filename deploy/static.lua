-- Send Streamlit's static files from copies compressed ahead of time
-- (deploy/precompress.py): Brotli to a browser that accepts it, else gzip.
--
-- haproxy.cfg loads this only when HFS_PRECOMPRESSED names the folder of copies.
-- A request is answered here only if the browser accepts gzip and a copy exists;
-- everything else goes to the replicas as before. Files are read once, then
-- kept in memory (a few megabytes for Streamlit's own, each kind read only
-- when a browser first asks for it).

local root = os.getenv("HFS_PRECOMPRESSED")
local cache = {}
local types = {
  js = "application/javascript",
  css = "text/css",
  svg = "image/svg+xml",
  json = "application/json",
  txt = "text/plain",
}

-- The copy for a request path such as /static/js/index.abc.js, compressed
-- with "gz" or "br", or nil.
local function copy_for(path, suffix)
  local name = path:match("^/static/([%w%._%-/]+)$")
  if not name or name:find("..", 1, true) then
    return nil
  end
  local key = name .. "." .. suffix
  local body = cache[key]
  if body == nil then
    local file = io.open(root .. "/" .. key, "rb")
    if file == nil then
      body = false
    else
      body = file:read("a")
      file:close()
    end
    cache[key] = body
  end
  return body or nil, name
end

-- Whether the browser's Accept-Encoding header takes Brotli: a "br" token
-- not turned off with q=0.
local function takes_brotli(accepted)
  for token in (accepted or ""):gmatch("[^,]+") do
    local coding, rest = token:match("^%s*([%w%-]+)%s*(.*)$")
    if coding and coding:lower() == "br" then
      return not rest:match("^;%s*q%s*=%s*0%.?0*%s*$")
    end
  end
  return false
end

core.register_fetches("hfs_precompressed", function(txn)
  return copy_for(txn.sf:path(), "gz") ~= nil
end)

-- Answer with a compressed body as it is.
local function send_compressed(applet, body, coding, kind, caching)
  applet:set_status(200)
  applet:add_header("content-type", kind)
  applet:add_header("content-encoding", coding)
  applet:add_header("content-length", #body)
  applet:add_header("vary", "Accept-Encoding")
  applet:add_header("cache-control", caching)
  applet:start_response()
  applet:send(body)
end

core.register_service("hfs_precompressed", "http", function(applet)
  local body, name = copy_for(applet.path, "gz")
  local coding = "gzip"
  if takes_brotli(applet.headers["accept-encoding"] and applet.headers["accept-encoding"][0]) then
    local smaller = copy_for(applet.path, "br")
    if smaller then
      body, coding = smaller, "br"
    end
  end
  local kind = types[name:match("%.(%w+)$")] or "application/octet-stream"
  -- As Streamlit sends them: the names carry a hash, so they never change.
  send_compressed(applet, body, coding, kind, "public, immutable, max-age=31536000")
end)

-- The page a browser opens, with the tool's name and a loading line in it
-- (deploy/precompress.py): words on a slow phone's screen before the app's
-- JavaScript arrives. Read once; if the folder has none, Streamlit sends its own.
local first_screen = nil
do
  local file = io.open(root .. "/first-screen.html.gz", "rb")
  if file ~= nil then
    first_screen = file:read("a")
    file:close()
  end
end

core.register_fetches("hfs_first_screen", function(txn)
  return first_screen ~= nil
end)

core.register_service("hfs_first_screen", "http", function(applet)
  -- As Streamlit sends its page: always asked again, so a new version shows at once.
  send_compressed(applet, first_screen, "gzip", "text/html; charset=utf-8", "no-cache")
end)
