# Headless Chromium and its WebDriver for the admin site's browser tests (tests/Sip2.Net.Admin.Tests, BrowserTests).
# Nothing runs between tests: each test starts its own browser through chromedriver, so there is nothing to stop.

service_start() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver
  fi
  # Answers, or the tests could not drive it.
  chromedriver --version >/dev/null
  export SIP2_TEST_CHROMIUM=/usr/bin/chromium
  export SIP2_TEST_CHROMEDRIVER=/usr/bin/chromedriver
}

service_stop() {
  :
}
