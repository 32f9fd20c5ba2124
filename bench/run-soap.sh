#!/usr/bin/env bash
# bench/run-soap.sh: issue 13's CEP benchmark (see bench/README.md). Starts cews with the run
# command (deploy/run.sh) under /tmp/cews-run.lock, deploys a bench-only WAR with a captured
# GetPoliciesResponse as a static file, and measures with wrk, in rounds, over HTTPS keep-alive
# on 127.0.0.1:8443:
#   static    the bench WAR: POST of the request to a static file holding the CEP's answer, served
#             by Undertow's default servlet (the baseline)
#   cep-ut    CEP GetPolicies on ADPolicyProvider_CEP_UsernamePassword, cepces v0.3.17's shape
#             with alice's UsernameToken (the identity cache warmed by the warm-up)
# and, where stunnel is installed (wrk cannot present a client certificate), through a local
# stunnel that does (a certificate for alice's UPN from the run's development CA):
#   static-tls-client   the baseline again, through stunnel
#   cep-cert            CEP GetPolicies on ADPolicyProvider_CEP_Certificate, the same shape
#                       without the wsse:Security header
# Then it stops everything (also on failure) and writes bench/target/bench-soap-report.md.
#
#   bench/run-soap.sh [--duration=S] [--warmup=S] [--rounds=N] [--connections=N] [--threads=N]
#                     [--report=FILE] [--jfr=DIR]
# --jfr=DIR: after the measured rounds, one more run of --duration seconds per case under a JFR
# recording of WildFly (settings=profile, Java sampled every 2 ms), written to DIR/<case>.jfr; those
# runs are not in the report's numbers.
#
# Needs wrk (Debian: apt-get install wrk); stunnel4 and openssl for the certificate cases. BENCH_SKIP_BUILD is not supported: deploy/run.sh
# builds what it needs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

duration=10 warmup=3 rounds=2 connections=64 threads=2 report="$root/bench/target/bench-soap-report.md" jfr=
for a in "$@"; do
  case "$a" in
    --duration=*) duration=${a#*=} ;;
    --warmup=*) warmup=${a#*=} ;;
    --rounds=*) rounds=${a#*=} ;;
    --connections=*) connections=${a#*=} ;;
    --threads=*) threads=${a#*=} ;;
    --report=*) report=${a#*=} ;;
    --jfr=*) jfr=${a#*=} ;;
    --help|-h) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $a (--help)" >&2; exit 2 ;;
  esac
done
for n in "$duration" "$warmup" "$rounds" "$connections" "$threads"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "bench: not a number: $n" >&2; exit 2; }
done
(( duration >= rounds && rounds >= 1 && connections >= threads && threads >= 1 )) \
  || { echo "bench: need duration >= rounds >= 1 and connections >= threads >= 1" >&2; exit 2; }
(( connections <= 256 && duration <= 600 && warmup <= 60 )) \
  || { echo "bench: at most 256 connections, 600 s, 60 s warm-up" >&2; exit 2; }
command -v wrk > /dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

slice=$(( duration / rounds ))
url=https://127.0.0.1:8443
cep_path=/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP
static_path=/bench-static/response.soap
work=$(mktemp -d)
base="$root/deploy/target/run"
started=0
stunnel_pid=

cleanup() {
  [ -n "$stunnel_pid" ] && kill "$stunnel_pid" 2> /dev/null || true
  if [ "$started" = 1 ]; then
    rm -f "$base/deployments/bench-static.war" "$base/deployments/bench-static.war".*
    "$root/deploy/run.sh" stop || true
    rm -f "$base/deployments/bench-static.war" "$base/deployments/bench-static.war".*
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The run command's ports are fixed: one run at a time on this machine, from start to stop.
exec 9> /tmp/cews-run.lock
echo "bench: waiting for /tmp/cews-run.lock"
flock 9
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=1
"$root/deploy/run.sh"

# The request: cepces v0.3.17's GetPolicies (cep-war's test shape) on the UsernamePassword
# endpoint, with the wsse:Security header cepces sends (as CepGetPoliciesIT builds it).
password=$(sed -n 's/^user\.alice\.password=//p' lab/src/main/resources/org/cews/lab/lab-accounts.properties)
[ -n "$password" ] || { echo "bench: no password for alice in lab-accounts.properties" >&2; exit 1; }
wsse=http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd
wsu=http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd
security="<ns3:Security xmlns:ns3=\"$wsse\" xmlns:ns4=\"$wsu\" ns0:mustUnderstand=\"1\"><ns3:UsernameToken><ns3:Username>alice@lab.example</ns3:Username><ns3:Password ns3:Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">$password</ns3:Password><ns3:Nonce>bm9uY2UtMTIzNDU2Nzg=</ns3:Nonce><ns4:Created>2026-12-07T22:00:00.000000Z</ns4:Created></ns3:UsernameToken></ns3:Security>"
body=$(sed 's/ADPolicyProvider_CEP_Kerberos/ADPolicyProvider_CEP_UsernamePassword/' \
  cep-war/src/test/resources/soap/cepces/GetPolicies/v0.3.17.xml | tr -d '\n')
case "$body" in *'</ns0:Header>'*) ;; *) echo "bench: no </ns0:Header> in the cepces shape" >&2; exit 1 ;; esac
printf '%s' "${body%%</ns0:Header>*}$security</ns0:Header>${body#*</ns0:Header>}" > "$work/ut.xml"

post() { # post PATH BODYFILE OUT: prints the HTTP status
  curl -sS --cacert "$base/configuration/cews/tls/ca.crt" -o "$3" -w '%{http_code}' \
    -H 'Content-Type: application/soap+xml; charset=utf-8' --data-binary "@$2" "$url$1"
}
status=$(post "$cep_path" "$work/ut.xml" "$work/response.bin")
[ "$status" = 200 ] && grep -q 'GetPoliciesResponse' "$work/response.bin" && grep -q 'commonName>User<' "$work/response.bin" \
  || { echo "bench: the CEP did not answer GetPolicies (HTTP $status): $(head -c 600 "$work/response.bin")" >&2; exit 1; }
size=$(stat -c %s "$work/response.bin")
echo "bench: the CEP answered GetPolicies with $size bytes"

# The baseline WAR: the captured answer as a static file, served by Undertow's default servlet,
# which answers a POST when told to (bench/soap/static-web.xml).
mkdir -p "$work/war/WEB-INF"
cp bench/soap/static-web.xml "$work/war/WEB-INF/web.xml"
cp "$work/response.bin" "$work/war/response.soap"
(cd "$work/war" && jar cf "$work/bench-static.war" .)
cp "$work/bench-static.war" "$base/deployments/"
for _ in $(seq 120); do
  [ -f "$base/deployments/bench-static.war.deployed" ] && break
  [ -f "$base/deployments/bench-static.war.failed" ] && { echo "bench: $(cat "$base/deployments/bench-static.war.failed")" >&2; exit 1; }
  sleep 1
done
[ -f "$base/deployments/bench-static.war.deployed" ] || { echo "bench: bench-static.war not deployed after 120 s" >&2; exit 1; }
status=$(post "$static_path" "$work/ut.xml" "$work/static.bin")
[ "$status" = 200 ] && cmp -s "$work/response.bin" "$work/static.bin" \
  || { echo "bench: the static WAR did not answer the same bytes (HTTP $status)" >&2; exit 1; }

declare -A target=([static]="$url$static_path" [cep-ut]="$url$cep_path")
declare -A body=([static]="$work/ut.xml" [cep-ut]="$work/ut.xml")
cases=(static cep-ut)

# The certificate cases: wrk speaks plain HTTP to a local stunnel, which holds one TLS
# connection to WildFly per wrk connection (kept alive) and presents alice's certificate.
cert_path=/ADPolicyProvider_CEP_Certificate/service.svc/CEP
tunnel=http://127.0.0.1:18443
if command -v stunnel > /dev/null && command -v openssl > /dev/null; then
  tls="$base/configuration/cews/tls"
  tls_pw=$(sed -n 's/^cews\.tls\.password=//p' "$root/deploy/target/wildfly/cews-provision.properties")
  openssl pkcs12 -in "$tls/ca.p12" -passin "pass:$tls_pw" -nocerts -nodes -out "$work/ca.key" 2> /dev/null
  openssl ecparam -name prime256v1 -genkey -noout -out "$work/alice.key"
  openssl req -new -key "$work/alice.key" -subj "/O=cews/CN=alice-bench" -out "$work/alice.csr"
  printf 'extendedKeyUsage=clientAuth\nsubjectAltName=otherName:1.3.6.1.4.1.311.20.2.3;UTF8:alice@lab.example\n' > "$work/ext.cnf"
  openssl x509 -req -in "$work/alice.csr" -CA "$tls/ca.crt" -CAkey "$work/ca.key" -CAcreateserial \
    -days 1 -sha256 -extfile "$work/ext.cnf" -out "$work/alice.crt" 2> /dev/null
  rm -f "$work/ca.key"
  cat > "$work/stunnel.conf" <<CONF
foreground = yes
pid =
debug = 3
[cep]
client = yes
accept = 127.0.0.1:18443
connect = 127.0.0.1:8443
cert = $work/alice.crt
key = $work/alice.key
CAfile = $tls/ca.crt
verifyChain = yes
checkHost = localhost
CONF
  stunnel "$work/stunnel.conf" > "$work/stunnel.log" 2>&1 &
  stunnel_pid=$!
  sleep 1
  sed 's/ADPolicyProvider_CEP_Kerberos/ADPolicyProvider_CEP_Certificate/' \
    cep-war/src/test/resources/soap/cepces/GetPolicies/v0.3.17.xml | tr -d '\n' > "$work/cert.xml"
  status=$(curl -sS -o "$work/cert-response.bin" -w '%{http_code}' -H 'Content-Type: application/soap+xml; charset=utf-8' \
    --data-binary "@$work/cert.xml" "$tunnel$cert_path")
  [ "$status" = 200 ] && grep -q 'GetPoliciesResponse' "$work/cert-response.bin" \
    || { echo "bench: the certificate endpoint did not answer through stunnel (HTTP $status): $(head -c 600 "$work/cert-response.bin")" >&2; exit 1; }
  [ "$(stat -c %s "$work/cert-response.bin")" = "$size" ] \
    || { echo "bench: the certificate endpoint answered $(stat -c %s "$work/cert-response.bin") bytes, not $size like the static file" >&2; exit 1; }
  echo "bench: the certificate endpoint answered $size bytes through stunnel"
  target[static-tls-client]="$tunnel$static_path"; body[static-tls-client]="$work/cert.xml"
  target[cep-cert]="$tunnel$cert_path"; body[cep-cert]="$work/cert.xml"
  cases+=(static-tls-client cep-cert)
else
  echo "bench: stunnel or openssl not installed: the certificate cases are left out"
fi

# Kerberos: wrk cannot make a fresh AP-REQ for each request. After one SPNEGO authentication,
# Elytron's mechanism keeps the identity in the HTTP session (JSESSIONID cookie) and restores it
# for every request that sends the cookie, on any connection, without a Negotiate header: what a
# client that keeps its cookies (as cepces' requests session does) gets. So: kinit as alice
# against the lab's KDC, one curl --negotiate for the cookie, then wrk sends the cookie.
krb_path=/ADPolicyProvider_CEP_Kerberos/service.svc/CEP
declare -A cookie java_load
if command -v kinit > /dev/null && curl -V | grep -q 'GSS-API'; then
  export KRB5_CONFIG="$root/deploy/target/lab/krb5.conf" KRB5CCNAME="FILE:$work/krb5cc"
  printf '%s\n' "$password" | kinit alice@LAB.EXAMPLE > /dev/null
  tr -d '\n' < cep-war/src/test/resources/soap/cepces/GetPolicies/v0.3.17.xml > "$work/krb.xml"
  status=$(curl -sS --http1.1 --negotiate -u : --cacert "$base/configuration/cews/tls/ca.crt" -c "$work/cookies" \
    -o "$work/krb-response.bin" -w '%{http_code}' -H 'Content-Type: application/soap+xml; charset=utf-8' \
    --data-binary "@$work/krb.xml" "https://localhost:8443$krb_path")
  session=$(awk '$6 == "JSESSIONID" { print $7 }' "$work/cookies")
  [ "$status" = 200 ] && [ -n "$session" ] && [ "$(stat -c %s "$work/krb-response.bin")" = "$size" ] \
    || { echo "bench: the Kerberos endpoint did not answer $size bytes with a session (HTTP $status, cookie '$session')" >&2; exit 1; }
  status=$(curl -sS --http1.1 --cacert "$base/configuration/cews/tls/ca.crt" -o /dev/null -w '%{http_code}' \
    -H "Cookie: JSESSIONID=$session" -H 'Content-Type: application/soap+xml; charset=utf-8' \
    --data-binary "@$work/krb.xml" "$url$krb_path")
  [ "$status" = 200 ] || { echo "bench: the session cookie alone was not accepted (HTTP $status)" >&2; exit 1; }
  echo "bench: the Kerberos endpoint answered $size bytes; its session cookie is accepted without Negotiate"
  target[cep-krb]="$url$krb_path"; body[cep-krb]="$work/krb.xml"; cookie[cep-krb]="JSESSIONID=$session"
  cases+=(cep-krb)
  # A client that keeps no cookie sends a new AP-REQ with every request, which wrk cannot make:
  # bench/soap/KerberosLoad.java does (JDK GSS-API), and is measured against the static file
  # driven by the same generator (its own cost on the shared cores differs from wrk's).
  mkdir -p "$work/load"
  javac -d "$work/load" bench/soap/KerberosLoad.java
  target[static-java]="https://localhost:8443$static_path"; body[static-java]="$work/krb.xml"
  java_load[static-java]=" "
  target[cep-krb-apreq]="https://localhost:8443$krb_path"; body[cep-krb-apreq]="$work/krb.xml"
  java_load[cep-krb-apreq]="--negotiate=alice@LAB.EXAMPLE --service=HTTP@localhost"
  cases+=(static-java cep-krb-apreq)
else
  echo "bench: kinit or a curl with GSS-API missing: the Kerberos case is left out"
fi

server_pid=$(cat "$base/server.pid")
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
run_wrk() { # run_wrk CASE SECONDS: prints wrk's BENCH line and the CPU time WildFly used meanwhile
  local before line
  before=$(cpu_ticks)
  if [ -n "${java_load[$1]:-}" ]; then
    line=$(BENCH_PASSWORD="$password" java -Djava.security.krb5.conf="$KRB5_CONFIG" -cp "$work/load" KerberosLoad \
      --url="${target[$1]}" --body="${body[$1]}" --ca="$base/configuration/cews/tls/ca.crt" \
      --connections="$connections" --seconds="$2" --warmup=2 ${java_load[$1]} | grep '^BENCH ')
  else
    line=$(BENCH_BODY="${body[$1]}" BENCH_COOKIE="${cookie[$1]:-}" wrk -t "$threads" -c "$connections" -d "${2}s" \
      --timeout 10s -s bench/soap/post.lua "${target[$1]}" | grep '^BENCH ')
  fi
  echo "$line server_cpu_ms=$(( ($(cpu_ticks) - before) * 1000 / $(getconf CLK_TCK) ))"
}
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<< "$2"; }

echo "bench: warm-up, ${warmup} s per case"
for c in "${cases[@]}"; do run_wrk "$c" "$warmup" > /dev/null; done
rows=()
for r in $(seq "$rounds"); do
  order=("${cases[@]}")
  if (( r % 2 == 0 )); then order=(); for (( i = ${#cases[@]} - 1; i >= 0; i-- )); do order+=("${cases[$i]}"); done; fi
  for c in "${order[@]}"; do
    line=$(run_wrk "$c" "$slice")
    echo "bench: round $r $c: $line"
    rows+=("$r $c $line")
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

if [ -n "$jfr" ]; then
  # The first JFR.start in a JVM deoptimises compiled code for a while: a throw-away recording
  # and a re-warm before each profiled slice.
  # JFR's profile settings, Java samples every 2 ms instead of every 10 ms.
  mkdir -p "$jfr"
  sed -e '/<event name="jdk.ExecutionSample">/,/<\/event>/ s/>10 ms</>2 ms</' \
    "$(dirname "$(readlink -f "$(command -v java)")")/../lib/jfr/profile.jfc" > "$work/profile.jfc"
  jcmd "$server_pid" JFR.start name=bench-throwaway settings="$work/profile.jfc" > /dev/null
  run_wrk "${cases[0]}" "$warmup" > /dev/null
  jcmd "$server_pid" JFR.stop name=bench-throwaway > /dev/null
  for c in "${cases[@]}"; do
    run_wrk "$c" "$warmup" > /dev/null
    jcmd "$server_pid" JFR.start name="bench-$c" settings="$work/profile.jfc" filename="$(realpath "$jfr")/$c.jfr" > /dev/null
    echo "bench: profiled $c: $(run_wrk "$c" "$duration")"
    jcmd "$server_pid" JFR.stop name="bench-$c" > /dev/null
  done
fi

# The report: per case, the slices' requests summed over their time; p50/p99 per slice.
declare -A reqs dur errs p50s p99s cpu
for row in "${rows[@]}"; do
  read -r r c line <<< "$row"
  reqs[$c]=$(( ${reqs[$c]:-0} + $(field requests "$line") ))
  cpu[$c]=$(( ${cpu[$c]:-0} + $(field server_cpu_ms "$line") ))
  dur[$c]=$(( ${dur[$c]:-0} + $(field duration_us "$line") ))
  e=$(( $(field err_connect "$line") + $(field err_read "$line") + $(field err_write "$line") + $(field err_status "$line") + $(field err_timeout "$line") ))
  errs[$c]=$(( ${errs[$c]:-0} + e ))
  p50s[$c]="${p50s[$c]:+${p50s[$c]}, }$(awk -v u="$(field p50_us "$line")" 'BEGIN{printf "%.2f", u/1000}')"
  p99s[$c]="${p99s[$c]:+${p99s[$c]}, }$(awk -v u="$(field p99_us "$line")" 'BEGIN{printf "%.2f", u/1000}')"
done
rate() { awk -v n="${reqs[$1]}" -v d="${dur[$1]}" 'BEGIN{printf "%.0f", n/(d/1e6)}'; }
ratio() { awk -v a="$(rate "$1")" -v b="$(rate "$2")" 'BEGIN{printf "%.2f", a/b}'; }
baseline() {
  case "$1" in
    cep-cert|static-tls-client) echo static-tls-client ;;
    cep-krb-apreq|static-java) echo static-java ;;
    *) echo static ;;
  esac
}
mkdir -p "$(dirname "$report")"
{
  echo "# cews bench: CEP GetPolicies against a static answer of the same size"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1); $(java -version 2>&1 | head -n 1)"
  echo "- load average before / after: $load_before / $load_after"
  echo "- wrk $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f2): $threads threads, $connections connections, HTTPS keep-alive (TLS of deploy/run.sh) on 127.0.0.1:8443"
  echo "- warm-up ${warmup} s per case, then $rounds rounds of ${slice} s per case (rounds alternate the order)"
  echo "- request: cepces v0.3.17 GetPolicies with alice's UsernameToken, $(stat -c %s "$work/ut.xml") bytes; response $size bytes"
  if [ -n "${reqs[cep-cert]:-}" ]; then
    echo "- certificate cases: wrk -> stunnel $(stunnel -version 2>&1 | sed -n 's/^stunnel \([0-9.]*\).*/\1/p' | head -n 1) on 127.0.0.1:18443 -> 8443, alice's certificate (UPN, from the run's development CA); request without wsse:Security, $(stat -c %s "$work/cert.xml") bytes"
  fi
  if [ -n "${reqs[cep-krb]:-}" ]; then
    echo "- Kerberos case: alice's SPNEGO authentication once (kinit against the lab KDC, curl --negotiate), then wrk sends its JSESSIONID cookie; request without wsse:Security, $(stat -c %s "$work/krb.xml") bytes"
  fi
  echo
  echo "| case | requests | req/s | vs its baseline | p50 ms per slice | p99 ms per slice | WildFly CPU ms/req | errors |"
  echo "|---|--:|--:|--:|---|---|--:|--:|"
  for c in "${cases[@]}"; do
    echo "| $c | ${reqs[$c]} | $(rate "$c") | $(ratio "$c" "$(baseline "$c")")x | ${p50s[$c]} | ${p99s[$c]} | $(awk -v m="${cpu[$c]}" -v n="${reqs[$c]}" 'BEGIN{printf "%.3f", m/n}') | ${errs[$c]} |"
  done
  echo
  echo "**CEP (UsernameToken, password cache warm) / static: $(ratio cep-ut static)x**"
  if [ -n "${reqs[cep-krb]:-}" ]; then
    echo
    echo "**CEP (Kerberos, session cookie after one SPNEGO authentication) / static: $(ratio cep-krb static)x**"
    echo
    echo "**CEP (Kerberos, a new AP-REQ on every request, no cookie) / static, both driven by KerberosLoad.java: $(ratio cep-krb-apreq static-java)x**"
  fi
  if [ -n "${reqs[cep-cert]:-}" ]; then
    echo
    echo "**CEP (client certificate) / static, both through stunnel: $(ratio cep-cert static-tls-client)x**"
  fi
  echo
  echo "Slices:"
  echo
  for row in "${rows[@]}"; do echo "- round ${row%% BENCH*}: ${row#* BENCH }"; done
  echo
} > "$report"
cat "$report"
echo "bench: report in $report"
