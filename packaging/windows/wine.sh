# Wine as the Windows build and the Windows tests use it; sourced by build.sh (bash).
#   wine_env PREFIX          export the environment of a Chinese Windows 10 in PREFIX
#   wine_prefix PREFIX       create PREFIX (if missing) with the DLLs Wine 8.0 lacks
#   wine_bat LOG COMMAND...  run COMMAND in the prefix through cmd, its output into LOG
# The user's ~/.wine is never touched: every prefix lives under build/windows/.

WINDOWS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

wine_env() {
  export WINEPREFIX=$1 WINEARCH=win64
  export WINEDEBUG=${NIANBAO_WINEDEBUG:--all}
  # no prompts to download Mono and Gecko (Wine's .NET and HTML engines; nothing here uses them)
  # and no menu entries or desktop files on the Linux host for shortcuts made in the prefix
  export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
  # A Chinese Windows: ANSI and console code page 936 (GBK). Wine takes it from the locale.
  export LANG=zh_CN.UTF-8
  unset LC_ALL LC_CTYPE LC_MESSAGES
  # the host's pip settings name Linux paths
  unset PIP_FIND_LINKS PIP_CERT PIP_CONSTRAINT PIP_INDEX_URL PIP_EXTRA_INDEX_URL DISPLAY
}

wine_prefix() {
  local prefix=$1
  wine_env "$prefix"
  if [ ! -f "$prefix/system.reg" ]; then
    mkdir -p "$prefix"
    wineboot -i >/dev/null 2>&1
    wineserver -w
    # Wine links the prefix's Desktop, Documents... to the Linux user's folders: a test's
    # shortcuts and reports would land on the developer's desktop. Real folders instead.
    local link
    for link in "$prefix"/drive_c/users/*/*; do
      if [ -L "$link" ]; then
        rm "$link"
        mkdir "$link"
      fi
    done
  fi
  # Windows 10 has these, Wine 8.0 not (see wine_shim.py); written every time (cheap)
  "${PYTHON:-python3}" "$WINDOWS_DIR/wine_shim.py" "$prefix/drive_c/windows/system32"
}

# Windows programs started by Wine without a console get no valid standard handles, and
# Python then dies before main ("init_sys_streams: Invalid handle"). Run through cmd with
# every stream redirected: stdin from NUL, stdout and stderr into a file (in code page 936,
# as a Chinese Windows writes it).
wine_bat() {
  local log=$1
  shift
  local bat="$WINEPREFIX/drive_c/nianbao-run.bat"
  local line
  line="$* < NUL > \"$(winepath -w "$log" 2>/dev/null)\" 2>&1"
  printf '@echo off\r\n%s\r\nexit /b %%errorlevel%%\r\n' "$line" | iconv -f utf-8 -t gbk > "$bat"
  wine cmd /c 'C:\nianbao-run.bat' </dev/null >/dev/null 2>&1
}
