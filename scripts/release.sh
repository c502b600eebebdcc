#!/usr/bin/env bash
# Builds the release archives (issue 19) into dist/: for each shipped target, the binary, the
# user guides (scripts/release/), LICENSE.txt and THIRD-PARTY-LICENSES.txt, as a .tar.gz
# (Linux, static musl) or a .zip (Windows), and SHA256SUMS over them.
#
#   scripts/release.sh                        release profile, archives in dist/
#   scripts/release.sh --profile ship-test    what CI runs: the same steps, a cheap profile
#   options: --dist DIR (default dist/), --target-dir DIR (default target/), --keep-checkout,
#            --target TRIPLE (repeatable: only these of the three shipped targets)
#
# It builds the committed HEAD from a clean clone in /tmp/showcase-release, so that the same
# commit gives the same archive bytes wherever it is checked out: every path the compilers see
# is the same, every time stamp is the commit's (SOURCE_DATE_EPOCH), archives list files in one
# order with one owner (ARCHITECTURE.md, "Releases"). Two runs must not overlap: they share
# that folder.
# What it needs and lacks (rustup targets, Debian's cross compilers) it installs itself.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
profile=release
dist="$repo/dist"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
keep=0
all_targets=(x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-pc-windows-gnu)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --dist) dist=$2; shift 2 ;;
    --target-dir) target_dir=$2; shift 2 ;;
    --keep-checkout) keep=1; shift ;;
    --target)
      [[ " ${all_targets[*]} " == *" $2 "* ]] || { echo "release.sh: $2 is not a shipped target (${all_targets[*]})" >&2; exit 2; }
      targets+=("$2"); shift 2 ;;
    *) echo "release.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$dist" "$target_dir"
dist=$(cd "$dist" && pwd)
target_dir=$(cd "$target_dir" && pwd)

[ "${#targets[@]}" -gt 0 ] || targets=("${all_targets[@]}")

echo "== tools: rustup targets and C cross compilers (libwebp, mimalloc and ring compile C)"
# The ARM64 C compiler is Debian's glibc cross gcc: libwebp, mimalloc and ring need no libc
# headers that differ from musl's in what they use, and Rust links its own musl (self-contained
# crt and libc.a), so the binary is static all the same (ARCHITECTURE.md, "Releases").
installed=$(rustup target list --installed)
for target in "${targets[@]}"; do
  grep -qx "$target" <<<"$installed" || rustup target add "$target"
done
packages=()
for target in "${targets[@]}"; do
  case "$target" in
    x86_64-unknown-linux-musl) command -v musl-gcc >/dev/null 2>&1 || packages+=(musl-tools) ;;
    aarch64-unknown-linux-musl)
      command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || packages+=(gcc-aarch64-linux-gnu) ;;
    x86_64-pc-windows-gnu)
      command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || packages+=(gcc-mingw-w64-x86-64) ;;
  esac
done
if [ "${#packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt=(apt-get); else apt=(sudo apt-get); fi
  "${apt[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${packages[@]}" >/dev/null
fi

echo "== a clean checkout of HEAD"
commit=$(git -C "$repo" rev-parse HEAD)
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "note: uncommitted changes are not in the release; it is built from $commit"
fi
# The same folder on every machine and run, as are the links in it below: what the compilers
# see of paths is then the same everywhere.
work=/tmp/showcase-release
rm -rf "$work"
mkdir -p "$work"
if [ "$keep" = 0 ]; then trap 'rm -rf "$work"' EXIT; fi
src="$work/showcase"
git clone -q "$repo" "$src"
git -C "$src" checkout -q --detach "$commit"
export SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH=$(git -C "$src" log -1 --format=%ct)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$src/Cargo.toml" | head -1)
echo "showcase $version, commit $commit, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH, checkout $src"

echo "== build: ${targets[*]} ($profile profile)"
# Cargo's home (the crates' sources) and the target folder are reached through links in the
# checkout's folder, so that every path the compilers see is the same on every machine: a build
# script that writes a path into the code it generates (ferrous-opencc's `include_bytes!`)
# made two target folders give two binaries, though paths were remapped in what rustc writes.
# They are remapped too (Rust and C). The target folder itself stays where it is, so a second
# run reuses the dependencies the first compiled (showcase itself is compiled again: its build
# script watches the new checkout's git HEAD).
ln -s "$(cd "${CARGO_HOME:-$HOME/.cargo}" && pwd)" "$work/cargo"
ln -s "$target_dir" "$work/target"
export CARGO_HOME="$work/cargo"
remap="--remap-path-prefix=$work/cargo=/cargo --remap-path-prefix=$work/target=/target"
cmap="-ffile-prefix-map=$work/cargo=/cargo -ffile-prefix-map=$work/target=/target"
export CC_x86_64_unknown_linux_musl=musl-gcc
export CC_aarch64_unknown_linux_musl=aarch64-linux-gnu-gcc
export AR_aarch64_unknown_linux_musl=aarch64-linux-gnu-ar
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER=aarch64-linux-gnu-gcc
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="$remap"
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="$remap"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="$remap -C link-arg=-Wl,--no-insert-timestamp"
export CFLAGS_x86_64_unknown_linux_musl="$cmap"
export CFLAGS_aarch64_unknown_linux_musl="$cmap"
export CFLAGS_x86_64_pc_windows_gnu="$cmap"
# Symbol names are of no use to a user and a third of the download.
export CARGO_PROFILE_RELEASE_STRIP=symbols
# One cargo run per target: cargo resolves features for all the targets of a run together, so
# built with the others the Linux binaries had features that only a Windows dependency asks
# for (tokio's `windows-sys`), and differed from the same target built alone. Build scripts
# and proc-macros compiled by the first run are reused by the next.
for target in "${targets[@]}"; do
  (cd "$src" && cargo build --locked --profile "$profile" --target-dir "$work/target" --target "$target")
done

echo "== archives in $dist"
stage="$work/stage"
names=()
for target in "${targets[@]}"; do
  name="showcase-$version-$target"
  dir="$stage/$name"
  mkdir -p "$dir"
  exe=showcase
  [[ "$target" == *windows* ]] && exe=showcase.exe
  cp "$target_dir/$target/$profile/$exe" "$dir/$exe"
  cp "$src/scripts/release/使用说明.md" "$src/scripts/release/사용설명.md" "$src/scripts/release/LICENSE.txt" "$dir/"
  (cd "$src" && python3 scripts/release/licences.py "$target") >"$dir/THIRD-PARTY-LICENSES.txt"
  if [[ "$target" == *windows* ]]; then
    names+=("$name.zip")
  else
    names+=("$name.tar.gz")
  fi
  python3 "$src/scripts/release/archive.py" "$dist/${names[-1]}" "$stage" "$name"
done
(cd "$dist" && sha256sum "${names[@]}" >SHA256SUMS)
ls -l "$dist"
cat "$dist/SHA256SUMS"
