#!/usr/bin/env bash
# Regenerates the test credentials of this folder (run inside it; OpenSSL 3).
set -euo pipefail
days=36500
cat > openssl.cnf <<'CNF'
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[host_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1

[user_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment, dataEncipherment
extendedKeyUsage = clientAuth

# RFC 3820 proxy: signed by the user certificate, its subject is the user's plus one CN.
[proxy_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
proxyCertInfo = critical, language:id-ppl-inheritAll

# Only for the expired proxy: `openssl ca` is the tool of OpenSSL 3.0 that sets dates in the past.
[ca]
default_ca = user_as_ca
[user_as_ca]
database = index.txt
new_certs_dir = .
serial = serial.txt
default_md = sha256
policy = any
unique_subject = no
[any]
countryName = optional
organizationName = optional
commonName = supplied
CNF

openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -subj "/O=crema tests/CN=crema test CA" \
  -days $days -sha256 -config openssl.cnf -extensions ca_ext -out ca.pem
mkdir -p certificates
cp ca.pem certificates/crema-test-ca.pem
cp ca.pem "certificates/$(openssl x509 -in ca.pem -noout -subject_hash).0"
printf 'access_id_CA X509 %s\npos_rights globus CA:sign\ncond_subjects globus %s\n' \
  "'/O=crema tests/CN=crema test CA'" "'\"/O=crema tests/*\"'" > certificates/crema-test-ca.signing_policy

openssl req -newkey rsa:2048 -nodes -keyout host.key -subj "/O=crema tests/CN=127.0.0.1" -out host.csr
openssl x509 -req -in host.csr -CA ca.pem -CAkey ca.key -set_serial 2 -days $days -sha256 \
  -extfile openssl.cnf -extensions host_ext -out host.pem
openssl pkcs12 -export -in host.pem -inkey host.key -certfile ca.pem -name host -passout pass:changeit -out host.p12

openssl req -newkey rsa:2048 -nodes -keyout user.key -subj "/O=crema tests/CN=Test User" -out user.csr
openssl x509 -req -in user.csr -CA ca.pem -CAkey ca.key -set_serial 3 -days $days -sha256 \
  -extfile openssl.cnf -extensions user_ext -out user.pem

openssl genrsa -out proxy.key 2048
openssl req -new -key proxy.key -subj "/O=crema tests/CN=Test User/CN=1234567890" -out proxy.csr
openssl x509 -req -in proxy.csr -CA user.pem -CAkey user.key -set_serial 1234567890 -days $days -sha256 \
  -extfile openssl.cnf -extensions proxy_ext -out proxy-cert.pem
openssl rsa -in proxy.key -traditional -out proxy-pkcs1.key
openssl pkcs8 -topk8 -nocrypt -in proxy.key -out proxy-pkcs8.key
# The Globus layout: proxy certificate, its key, then the chain.
cat proxy-cert.pem proxy-pkcs1.key user.pem > proxy-pkcs1.pem
cat proxy-cert.pem proxy-pkcs8.key user.pem > proxy-pkcs8.pem

openssl genrsa -traditional -out other.key 2048
cat proxy-cert.pem other.key user.pem > proxy-wrong-key.pem
cat proxy-cert.pem user.pem > proxy-no-key.pem

: > index.txt
echo 0A > serial.txt
openssl req -new -key proxy.key -subj "/O=crema tests/CN=Test User/CN=987654321" -out expired.csr
openssl ca -batch -config openssl.cnf -cert user.pem -keyfile user.key -in expired.csr -preserveDN \
  -startdate 20200101000000Z -enddate 20200102000000Z -extfile openssl.cnf -extensions proxy_ext \
  -notext -out expired-cert.pem
cat expired-cert.pem proxy-pkcs1.key user.pem > proxy-expired.pem

rm -f ./*.csr index.txt* serial.txt* 0A.pem proxy.key proxy-pkcs1.key proxy-pkcs8.key other.key \
  proxy-cert.pem expired-cert.pem host.key openssl.cnf ca.key user.key
