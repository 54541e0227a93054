# HAProxy for the two-instance test (tests/Sip2.Net.Storage.Tests): only the binary. The test writes its own
# configuration and runs its own haproxy process on loopback, so nothing is started here.
#   SIP2_TEST_HAPROXY   the haproxy binary
# Sourced by .ci/run, which calls service_start and, at the end, service_stop.

service_start() {
  if ! command -v haproxy >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || return 1
    # No service is wanted, only the binary: keep the package's scripts from starting the system's haproxy.
    local own_policy=false status
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=true
    fi
    apt-get install -y -qq haproxy >/dev/null
    status=$?
    if [ "$own_policy" = true ]; then rm -f /usr/sbin/policy-rc.d; fi
    [ "$status" -eq 0 ] || return 1
  fi
  haproxy -v >/dev/null 2>&1 || return 1
  export SIP2_TEST_HAPROXY="$(command -v haproxy)"
}

service_stop() {
  : # the tests stop the haproxy processes they start
}
