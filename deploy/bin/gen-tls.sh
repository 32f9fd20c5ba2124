#!/usr/bin/env bash
# TLS material for a development or test server, made with the JDK's keytool only:
#   gen-tls.sh <dir> <password> [subject-alt-names]
#
#   ca.p12 / ca.crt      a development CA (EC P-256), ten years; it signs the server certificate
#                        and, in tests, client certificates for the client-certificate listener
#   server.p12           the server's RSA key and certificate (CN=localhost, the SANs given,
#                        EKU serverAuth) with the CA in its chain
#   client-trust.p12     the CAs whose client certificates the client-certificate listener
#                        accepts: only the development CA
#
# Production installations bring their own server certificate and trust store; see README.md.
set -euo pipefail

dir=${1:?usage: gen-tls.sh <dir> <password> [subject-alt-names]}
pw=${2:?usage: gen-tls.sh <dir> <password> [subject-alt-names]}
san=${3:-dns:localhost,ip:127.0.0.1}

mkdir -p "$dir"
cd "$dir"
rm -f ca.p12 ca.crt server.p12 server.csr server.crt client-trust.p12

kt() { keytool -storetype PKCS12 -storepass "$pw" -keypass "$pw" "$@"; }

kt -genkeypair -keystore ca.p12 -alias ca -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
  -dname "CN=cews development TLS CA,O=cews" -validity 3650 \
  -ext bc:c=ca:true,pathlen:0 -ext ku:c=keyCertSign,cRLSign
kt -exportcert -keystore ca.p12 -alias ca -rfc -file ca.crt

kt -genkeypair -keystore server.p12 -alias server -keyalg RSA -keysize 2048 -sigalg SHA256withRSA \
  -dname "CN=localhost,O=cews" -validity 825
kt -certreq -keystore server.p12 -alias server -file server.csr
kt -gencert -keystore ca.p12 -alias ca -infile server.csr -outfile server.crt -rfc -validity 825 \
  -sigalg SHA256withECDSA -ext "san=$san" -ext eku=serverAuth -ext ku:c=digitalSignature,keyEncipherment
kt -importcert -keystore server.p12 -alias cews-dev-ca -file ca.crt -noprompt
kt -importcert -keystore server.p12 -alias server -file server.crt -noprompt
kt -delete -keystore server.p12 -alias cews-dev-ca

kt -importcert -keystore client-trust.p12 -alias cews-dev-ca -file ca.crt -noprompt

rm -f server.csr
chmod 600 ./*.p12
echo "gen-tls: CA $(pwd)/ca.crt, server certificate for $san"
