#!/usr/bin/env bash
# Builds the Debian package with the build's own CPack configuration into a scratch directory
# (or takes a prebuilt .deb) and checks what a user would get: metadata and Depends computed by
# dpkg-shlibdeps, the file list, the desktop entry and AppStream metainfo as shipped, and the
# extracted binaries actually running (tidesk-cli --version, a tidesk screenshot offscreen).
# Never installs anything: as root, `apt-get install --simulate` proves Depends resolve here.
#
#   check_package.sh BUILD_DIR VERSION [PREBUILT.deb]
set -euo pipefail

build_dir="$1"
version="$2"
deb="${3:-}"

fail() { printf 'check_package: FAIL: %s\n' "$*" >&2; exit 1; }
note() { printf 'check_package: %s\n' "$*"; }

for tool in dpkg-deb desktop-file-validate appstreamcli file gzip; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (./run setup)"
done

scratch="$(mktemp -d /tmp/tidesk-check-package.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT

if [ -z "$deb" ]; then
    [ -f "$build_dir/CPackConfig.cmake" ] || fail "no CPackConfig.cmake in $build_dir"
    command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps is not installed (dpkg-dev)"
    start_ms=$(($(date +%s%N) / 1000000))
    cpack --config "$build_dir/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
        || { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
    note "cpack took $(($(date +%s%N) / 1000000 - start_ms)) ms"
    deb="$(find "$scratch/out" -maxdepth 1 -name '*.deb' | head -n 1)"
    [ -n "$deb" ] || fail "cpack wrote no .deb (see above)"
fi
[ -f "$deb" ] || fail "no such package: $deb"
name="$(basename "$deb")"
[ "$name" = "tidesk_${version}_amd64.deb" ] || fail "file name $name, expected tidesk_${version}_amd64.deb"
note "$name: $(du -k "$deb" | cut -f1) KiB"

# --- Control fields ---
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = tidesk ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', CMake says $version"
[ "$(field Architecture)" = amd64 ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends="$(field Depends)"
note "Depends: $depends"
# One Depends entry per line: "name (>= version)" or "name".
mapfile -t entries < <(sed 's/, /\n/g' <<<"$depends")
has_entry() { # has_entry GLOB versioned|plain
    local e
    for e in "${entries[@]}"; do
        # shellcheck disable=SC2053 # $1 is a glob on purpose (libyaml-cpp*)
        if [ "$2" = versioned ]; then [[ $e == $1" (>= "*")" ]] && return 0; else [[ $e == $1 ]] && return 0; fi
    done
    return 1
}
# These come from dpkg-shlibdeps (the binaries link them, it adds the minimum versions): their
# presence proves it ran.
for lib in libc6 'libstdc++6' libgcc-s1 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 \
    libqt6sql6 libqt6charts6 libssh2-1 libssl3 'libyaml-cpp*' 'libmysqlcppconn*' libqt6keychain1; do
    has_entry "$lib" versioned || fail "Depends lacks a versioned $lib (did dpkg-shlibdeps run?): $depends"
done
# Run-time plugins nothing links, listed by hand in packaging/CMakeLists.txt.
for pkg in libqt6sql6-sqlite libqt6svg6; do
    has_entry "$pkg" plain || fail "Depends lacks $pkg"
done
grep -q 'qt6-translations-l10n' <<<"$(field Recommends)" || fail "Recommends lacks qt6-translations-l10n"

# --- Files ---
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$scratch/files"
expect=(
    /usr/bin/tidesk
    /usr/bin/tidesk-cli
    /usr/share/applications/io.tidesk.TiDesk.desktop
    /usr/share/metainfo/io.tidesk.TiDesk.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/io.tidesk.TiDesk.svg
    /usr/share/man/man1/tidesk.1.gz
    /usr/share/man/man1/tidesk-cli.1.gz
    /usr/share/bash-completion/completions/tidesk-cli
    /usr/share/doc/tidesk/cli.md
    /usr/share/doc/tidesk/rules.md
    /usr/share/doc/tidesk/user-guide.md
    /usr/share/doc/tidesk/user-guide.zh_CN.md
    /usr/share/doc/tidesk/images/guide/en-fleet.png
    /usr/share/doc/tidesk/images/guide/zh_CN-first-run.png
)
sizes=(16 22 24 32 48 64 128 256)
for s in "${sizes[@]}"; do expect+=("/usr/share/icons/hicolor/${s}x${s}/apps/io.tidesk.TiDesk.png"); done
for f in "${expect[@]}"; do
    grep -qx "$f" "$scratch/files" || fail "the package lacks $f"
done
# Nothing outside /usr, and no test or build-tool binary.
outside="$(grep -v '^/usr' "$scratch/files" | grep -vx '/' || true)"
[ -z "$outside" ] || fail "files outside /usr: $outside"
extra_bins="$(grep '^/usr/bin/.' "$scratch/files" | grep -vx -e /usr/bin/tidesk -e /usr/bin/tidesk-cli || true)"
[ -z "$extra_bins" ] || fail "unexpected programs: $extra_bins"

# --- Contents, as shipped ---
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/io.tidesk.TiDesk.desktop" \
    || fail "desktop-file-validate"
out="$(appstreamcli validate --no-net "$root/usr/share/metainfo/io.tidesk.TiDesk.metainfo.xml" 2>&1)" \
    || { echo "$out" >&2; fail "appstreamcli validate"; }
# Errors (E:) and warnings (W:) fail; pedantic notes and infos (P:, I:) do not.
if grep -Eq '^[EW]:' <<<"$out"; then echo "$out" >&2; fail "appstreamcli reported problems"; fi
for b in tidesk tidesk-cli; do
    file "$root/usr/bin/$b" | grep -q 'ELF 64-bit.*, stripped' || fail "/usr/bin/$b is not a stripped ELF"
done
for s in "${sizes[@]}"; do
    file "$root/usr/share/icons/hicolor/${s}x${s}/apps/io.tidesk.TiDesk.png" \
        | grep -q "PNG image data, $s x $s," || fail "the ${s}x${s} icon is not a ${s}x${s} PNG"
done
for m in tidesk tidesk-cli; do
    gzip -t "$root/usr/share/man/man1/$m.1.gz" || fail "$m.1.gz is not gzip"
    warnings="$(MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$m.1.gz" 2>&1 >/dev/null)"
    [ -z "$warnings" ] || fail "man warns about the shipped $m.1.gz: $warnings"
done

# --- The extracted binaries run (their libraries and plugins come from the system) ---
home="$scratch/home"
mkdir -p "$home" "$scratch/xdg" && chmod 0700 "$scratch/xdg"
export TIDESK_HOME="$home" XDG_RUNTIME_DIR="$scratch/xdg" QT_QPA_PLATFORM=offscreen
export TIDESK_VAULT_PASSPHRASE=check-package
cli_version="$("$root/usr/bin/tidesk-cli" --version </dev/null)"
[ "$cli_version" = "tidesk-cli $version" ] || fail "tidesk-cli --version says '$cli_version'"
shot="$scratch/tidesk.png"
timeout 60 "$root/usr/bin/tidesk" --secrets vault --screenshot "$shot" --quit-after-ms 3000 \
    </dev/null >"$scratch/gui.log" 2>&1 || { cat "$scratch/gui.log" >&2; fail "tidesk did not run"; }
[ -f "$shot" ] || fail "tidesk wrote no screenshot"
file "$shot" | grep -Eq 'PNG image data, [0-9]+ x [0-9]+' || fail "the screenshot is not a PNG: $(file "$shot")"
shot_bytes=$(stat -c %s "$shot")
[ "$shot_bytes" -gt 10240 ] || fail "the screenshot is only $shot_bytes bytes"
note "screenshot: $(file -b "$shot" | cut -d, -f1-2), $shot_bytes bytes"
if [ -n "${TIDESK_SCREENSHOT_DIR:-}" ]; then
    mkdir -p "$TIDESK_SCREENSHOT_DIR" && cp "$shot" "$TIDESK_SCREENSHOT_DIR/package-tidesk.png"
fi

# --- Depends resolve on this machine (simulation only; needs root for apt's cache) ---
if [ "$(id -u)" -eq 0 ]; then
    sim="$(apt-get install --simulate --no-install-recommends "$deb" 2>&1)" \
        || { echo "$sim" >&2; fail "apt-get install --simulate failed"; }
    grep -q '^Inst tidesk ' <<<"$sim" || { echo "$sim" >&2; fail "apt would not install tidesk"; }
    note "apt-get install --simulate: $(grep -c '^Inst ' <<<"$sim") package(s) would be installed"
else
    note "not root: skipped apt-get install --simulate"
fi
note "OK"
