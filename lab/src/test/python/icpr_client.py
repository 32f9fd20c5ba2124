#!/usr/bin/python3
"""An independent MS-ICPR client for the cews lab, written on impacket (Debian python3-impacket 0.10).

impacket 0.10 has no ICPR module, so the one call is declared here from [MS-ICPR] 3.2.4.1.1:

    DWORD CertServerRequest(                          // opnum 0 of ICertPassage,
        [in] handle_t h,                              // 91ae6020-9e3c-11cf-8d7c-00aa00c091be v0.0
        [in] DWORD dwFlags,
        [in, string, unique] const wchar_t *pwszAuthority,
        [in, out, ref] DWORD *pdwRequestId,
        [out] DWORD *pdwDisposition,
        [in, ref] const CERTTRANSBLOB *pctbAttribs,
        [in, ref] const CERTTRANSBLOB *pctbRequest,
        [out, ref] CERTTRANSBLOB *pctbCert,
        [out, ref] CERTTRANSBLOB *pctbEncodedCert,
        [out, ref] CERTTRANSBLOB *pctbDispositionMessage);

    typedef struct _CERTTRANSBLOB { ULONG cb; [size_is(cb), unique] BYTE *pb; } CERTTRANSBLOB;

The client asks the lab's endpoint mapper (ept_map on its own port, not 135) for the ICPR port,
binds with NTLM at RPC_C_AUTHN_LEVEL_PKT_PRIVACY and submits a PKCS#10 request. It prints one
"key value" line per fact and exits 0 when the call completed (whatever the disposition), 1 when
the RPC layer failed, 2 on bad arguments.

--kerberos binds with SPNEGO/Kerberos (auth_type 9; impacket 0.10 has no raw auth_type 16) as
user@LAB.EXAMPLE for host/ca.lab.example, working around two impacket 0.10 habits: it asks KDCs on
port 88 only (the lab's KDC has its own port, read from the lab's krb5.conf or given), and it
takes an absent ETYPE-INFO2 salt for an empty one (RFC 4120 5.2.7.5: absent means the default
salt), so the AES key is derived here.

What stock impacket 0.10 then does on the wire, against the lab (and why the lab refuses it):
  bind          NegTokenInit {mechTypes [MS-KRB5], mechToken = GSS-framed AP-REQ}: accepted
  alter_context NegTokenResp {responseToken = AP-REP}, no mechListMIC: allowed, MS-KRB5 being
                its first mechanism (RFC 4178 section 5); but the AP-REP's ctime/cusec are the
                client's current time, not its Authenticator's, which [MS-KILE] 3.4.5.1 requires
                (the client's AP-REP is built "exactly as the server would", the server checks it
                per RFC 4120 3.2.5): fault 0x721
  request       RFC 4121 Wrap with EC = 16 - (stub+pad mod 16), 0 when the stub is 16-aligned;
                [MS-KILE] 3.4.5.4.1: EC "must not be zero", the sender "should" use 16; the lab
                takes 76-octet verifiers (EC 16) only: fault nca_s_proto_error
--kile-fixes corrects both on the client (the AP-REP echoes the Authenticator's ctime/cusec, as
the server's does; Wrap tokens carry EC 16, as Windows sends them).

Once the call completes, an issued certificate (pctbEncodedCert) is parsed with
python3-cryptography and printed: issuer, subject, e-mail names, serial and the DER in base64.
"""

import argparse
import base64
import re
import socket
import struct
import sys
from binascii import hexlify

from cryptography import x509

from impacket.dcerpc.v5 import epm, transport
from impacket.dcerpc.v5.dtypes import DWORD, LPWSTR, NULL, ULONG
from impacket.dcerpc.v5.ndr import NDRCALL, NDRPOINTER, NDRSTRUCT, NDRUniConformantArray
from impacket.dcerpc.v5.rpcrt import (DCERPCException, RPC_C_AUTHN_GSS_NEGOTIATE, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                                       RPC_C_AUTHN_WINNT)
from impacket.krb5 import gssapi, kerberosv5
from impacket.krb5.asn1 import AP_REP, EncAPRepPart
from impacket.krb5.crypto import Key, _enctype_table
from impacket.spnego import SPNEGO_NegTokenResp
from pyasn1.codec.der import decoder, encoder
from impacket.uuid import uuidtup_to_bin

ICERTPASSAGE = uuidtup_to_bin(('91ae6020-9e3c-11cf-8d7c-00aa00c091be', '0.0'))
CR_IN_PKCS10 = 0x100
REALM = 'LAB.EXAMPLE'
CA_HOST = 'ca.lab.example'
AES256_CTS_HMAC_SHA1_96 = 18


class OctetArray(NDRUniConformantArray):
    """[size_is(cb)] BYTE[]: a conformant array of bytes ('c': one byte per item)."""
    item = 'c'


class OctetArrayPointer(NDRPOINTER):
    referent = (('Data', OctetArray),)


class CERTTRANSBLOB(NDRSTRUCT):
    structure = (('cb', ULONG), ('pb', OctetArrayPointer))


class CertServerRequest(NDRCALL):
    opnum = 0
    structure = (
        ('dwFlags', DWORD),
        ('pwszAuthority', LPWSTR),
        ('pdwRequestId', DWORD),
        ('pctbAttribs', CERTTRANSBLOB),
        ('pctbRequest', CERTTRANSBLOB),
    )


class CertServerRequestResponse(NDRCALL):
    structure = (
        ('pdwRequestId', DWORD),
        ('pdwDisposition', ULONG),
        ('pctbCert', CERTTRANSBLOB),
        ('pctbEncodedCert', CERTTRANSBLOB),
        ('pctbDispositionMessage', CERTTRANSBLOB),
        ('ErrorCode', ULONG),
    )


class DCERPCSessionError(DCERPCException):
    """impacket looks this class up in the request's module when a call returns non-zero."""


def blob(data):
    b = CERTTRANSBLOB()
    b['cb'] = len(data)
    b['pb'] = data if data else NULL
    return b


def octets(b):
    return b''.join(b['pb']) if b['pb'] else b''


def icpr_binding(host, epm_port):
    """ept_map over the lab's endpoint mapper: impacket's hept_map takes a dce on any port."""
    t = transport.DCERPCTransportFactory('ncacn_ip_tcp:%s[%d]' % (host, epm_port))
    dce = t.get_dce_rpc()
    dce.connect()
    try:
        return epm.hept_map(host, ICERTPASSAGE, protocol='ncacn_ip_tcp', dce=dce)
    finally:
        dce.disconnect()


class KdcPortSocket:
    """The socket module as impacket's kerberosv5 sees it, with its fixed port 88 moved to the lab KDC's."""

    def __init__(self, kdc_port):
        self.kdc_port = kdc_port

    def __getattr__(self, name):
        return getattr(socket, name)

    def getaddrinfo(self, host, port, *rest):
        return socket.getaddrinfo(host, self.kdc_port if port == 88 else port, *rest)


def kdc_from_krb5_conf(path, realm):
    """host and port of the realm's first kdc line in a krb5.conf (the lab writes kdc = 127.0.0.1:N)."""
    with open(path) as f:
        text = f.read()
    block = re.search(r'^\s*%s\s*=\s*\{(.*?)\}' % re.escape(realm), text, re.M | re.S)
    kdc = re.search(r'^\s*kdc\s*=\s*(\S+?)(?::(\d+))?\s*$', block.group(1) if block else '', re.M)
    if not kdc:
        raise ValueError('no kdc for %s in %s' % (realm, path))
    return kdc.group(1), int(kdc.group(2) or 88)


def kerberos_credentials(t, args):
    kdc_host, kdc_port = args.host, args.kdc_port
    if args.krb5_conf:
        kdc_host, kdc_port = kdc_from_krb5_conf(args.krb5_conf, REALM)
    kerberosv5.socket = KdcPortSocket(kdc_port)
    key = _enctype_table[AES256_CTS_HMAC_SHA1_96].string_to_key(args.password, REALM + args.user, None)
    t.setRemoteName(CA_HOST)  # the SPN is host/<remote name>; the address stays the binding's
    t.set_credentials(args.user, '', REALM, aesKey=hexlify(key.contents).decode())
    t.set_kerberos(True, kdcHost=kdc_host)


def third_leg_echoing_ctime(cipher, session_key, auth_data):
    """impacket's getKerberosType3, but the AP-REP keeps the server's ctime/cusec ([MS-KILE] 3.4.5.1)."""
    ap_rep = decoder.decode(SPNEGO_NegTokenResp(auth_data)['ResponseToken'], asn1Spec=AP_REP())[0]
    server = decoder.decode(cipher.decrypt(session_key, 12, ap_rep['enc-part']['cipher']), asn1Spec=EncAPRepPart())[0]
    cipher = _enctype_table[int(server['subkey']['keytype'])]()
    subkey = Key(cipher.enctype, server['subkey']['keyvalue'].asOctets())
    reply = EncAPRepPart()  # the Authenticator's ctime/cusec, as the server echoed them; its seq-number; no subkey
    reply['ctime'] = server['ctime']
    reply['cusec'] = int(server['cusec'])
    reply['seq-number'] = int(server['seq-number'])
    ap_rep['enc-part'].clear()
    ap_rep['enc-part']['etype'] = cipher.enctype
    ap_rep['enc-part']['cipher'] = cipher.encrypt(session_key, 12, encoder.encode(reply), None)
    token = SPNEGO_NegTokenResp()
    token['ResponseToken'] = encoder.encode(ap_rep)
    return cipher, subkey, token.getData()


def wrap_with_ec_16(self, session_key, data, sequence_number, direction='init', encrypt=True):
    """impacket's GSSAPI_AES.GSS_Wrap with EC = 16 filler octets ([MS-KILE] 3.4.5.4.1) instead of pad-to-16."""
    token = self.WRAP()
    token['Flags'] = 6  # acceptor subkey, sealed
    token['EC'] = 16
    token['RRC'] = 0
    token['SND_SEQ'] = struct.pack('>Q', sequence_number)
    sealed = self.cipherType().encrypt(
        session_key, gssapi.KG_USAGE_INITIATOR_SEAL, data + b'\xff' * 16 + token.getData(), None)
    token['RRC'] = 28
    rotated = self.rotate(sealed, token['RRC'] + token['EC'])
    split = len(self.WRAP()) + token['RRC'] + token['EC']
    return rotated[split:], token.getData() + rotated[:split]


def apply_kile_fixes():
    kerberosv5.getKerberosType3 = third_leg_echoing_ctime
    gssapi.GSSAPI_AES.GSS_Wrap = wrap_with_ec_16


def print_certificate(der):
    cert = x509.load_der_x509_certificate(der)
    print('issuer', cert.issuer.rfc4514_string())
    print('subject', cert.subject.rfc4514_string())
    try:
        names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        emails = names.get_values_for_type(x509.RFC822Name)
    except x509.ExtensionNotFound:
        emails = []
    print('email', ' '.join(emails))
    print('serial', '%x' % cert.serial_number)
    print('certificate', base64.b64encode(der).decode())


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--host', default='127.0.0.1')
    p.add_argument('--epm-port', type=int, required=True)
    p.add_argument('--user', required=True)
    p.add_argument('--password', required=True)
    p.add_argument('--domain', default='LAB')
    p.add_argument('--authority', default='Lab-Issuing-CA')
    p.add_argument('--template', default='User')
    p.add_argument('--csr', required=True, help='a PKCS#10 request, DER')
    p.add_argument('--kerberos', action='store_true', help='SPNEGO/Kerberos instead of NTLM')
    p.add_argument('--kdc-port', type=int, default=88)
    p.add_argument('--krb5-conf', help="the KDC from this krb5.conf's LAB.EXAMPLE realm instead of --host/--kdc-port")
    p.add_argument('--kile-fixes', action='store_true',
                   help='correct impacket 0.10 to [MS-KILE] 3.4.5.1 and 3.4.5.4.1 (see above)')
    args = p.parse_args(argv)

    with open(args.csr, 'rb') as f:
        csr = f.read()
    try:
        binding = icpr_binding(args.host, args.epm_port)
        print('binding', binding)
        t = transport.DCERPCTransportFactory(binding)
        if args.kerberos:
            kerberos_credentials(t, args)
            if args.kile_fixes:
                apply_kile_fixes()
        else:
            t.set_credentials(args.user, args.password, args.domain)
        dce = t.get_dce_rpc()
        dce.set_auth_type(RPC_C_AUTHN_GSS_NEGOTIATE if args.kerberos else RPC_C_AUTHN_WINNT)
        dce.set_auth_level(RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
        dce.connect()
        dce.bind(ICERTPASSAGE)
        print('bound', 'auth_type %d' % (RPC_C_AUTHN_GSS_NEGOTIATE if args.kerberos else RPC_C_AUTHN_WINNT))
        request = CertServerRequest()
        request['dwFlags'] = CR_IN_PKCS10
        request['pwszAuthority'] = args.authority + '\x00'
        request['pdwRequestId'] = 0
        request['pctbAttribs'] = blob(('CertificateTemplate:%s\x00' % args.template).encode('utf-16-le'))
        request['pctbRequest'] = blob(csr)
        response = dce.request(request, checkError=False)
        dce.disconnect()
    except Exception as e:  # impacket raises many kinds; the test only needs to know it failed
        print('error', '%s: %s' % (type(e).__name__, e))
        return 1

    message = octets(response['pctbDispositionMessage']).decode('utf-16-le').rstrip('\x00')
    print('request_id', response['pdwRequestId'])
    print('disposition', response['pdwDisposition'])
    print('return_value', '0x%08x' % response['ErrorCode'])
    print('message', message)
    encoded = octets(response['pctbEncodedCert'])
    print('certificate_bytes', len(encoded))
    if encoded:
        print_certificate(encoded)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
