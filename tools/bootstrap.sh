#!/bin/sh
# Set-up: makes sure the Debian packages the build, the tests and the benchmarks need are installed.
# A fast no-op when they are; installs the missing ones when run as root; otherwise prints the command.
# Arguments name further packages a particular job needs (tools/fuzz.sh: clang and its runtime).
set -eu

# cmake/g++/make build; boost-context, readline, gtest/gmock are linked; python3 runs bench/run and
# the seed-script checker (which also needs git); lua5.4 is the benchmarks' second reference and
# GNU time takes their peak RSS.
packages="cmake g++ make libboost-context-dev libreadline-dev libgtest-dev libgmock-dev python3 lua5.4 git time $*"

missing=""
for package in $packages; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null || true)
    case $status in
        ii*) ;;
        *) missing="$missing $package" ;;
    esac
done
missing=${missing# }

if [ -z "$missing" ]; then
    exit 0
fi

install_command="apt-get update && apt-get install -y $missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: missing Debian packages: $missing" >&2
    echo "bootstrap: install them as root, then run this again:" >&2
    echo "    sudo sh -c '$install_command'" >&2
    exit 1
fi

echo "bootstrap: installing $missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086  # one word per package
apt-get install -y $missing
