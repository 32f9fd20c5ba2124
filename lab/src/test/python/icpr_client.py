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

What stock impacket 0.10 then does on the wire, and what a real MS-RPCE server (Samba 4.17, its
SAMR over ncacn_ip_tcp; docs/RPC-KERBEROS.md) makes of it:
  bind          NegTokenInit {mechTypes [MS-KRB5], mechToken = GSS-framed AP-REQ}
  alter_context NegTokenResp {responseToken = AP-REP}: the AP-REP carries impacket's current time,
                not the Authenticator's ctime/cusec, which Samba does not compare (accepted); but
                the PDU repeats the bind's context list after ctx_num 1 items (MSRPCBind.getData
                appends on every call), 44 octets Samba counts as auth padding against
                auth_pad_length 0 (nca_s_proto_error), and there is no mechListMIC, which Samba
                asks for (accept-incomplete, then nca_s_proto_error on the request)
  request       RFC 4121 Wrap with EC = 16 - (stub+pad mod 16): accepted by both
The lab accepts stock impacket: it tolerates both things Samba refuses (RFC 4178 section 5 lets
the MIC go when the first mechanism is chosen). --samba-fixes corrects the two on the client (the
alter_context carries the context list once; its NegTokenResp carries a mechListMIC, RFC 4121
MIC token, usage 25 under the acceptor subkey, SND_SEQ 0, so the first Wrap uses 1): that client
completed sealed SAMR calls against Samba, and against the lab it exercises the MIC check.

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

from impacket.dcerpc.v5 import epm, rpcrt, transport
from impacket.dcerpc.v5.dtypes import DWORD, LPWSTR, NULL, ULONG
from impacket.dcerpc.v5.ndr import NDRCALL, NDRPOINTER, NDRSTRUCT, NDRUniConformantArray
from impacket.dcerpc.v5.rpcrt import (DCERPCException, RPC_C_AUTHN_GSS_NEGOTIATE, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                                       RPC_C_AUTHN_WINNT)
from impacket.krb5 import gssapi, kerberosv5
from impacket.krb5.crypto import _checksum_table, _enctype_table
from impacket.spnego import SPNEGO_NegTokenResp
from impacket.uuid import uuidtup_to_bin

ICERTPASSAGE = uuidtup_to_bin(('91ae6020-9e3c-11cf-8d7c-00aa00c091be', '0.0'))
CR_IN_PKCS10 = 0x100
REALM = 'LAB.EXAMPLE'
CA_HOST = 'ca.lab.example'
AES256_CTS_HMAC_SHA1_96 = 18
CKSUM_SHA1_AES = {17: 15, 18: 16}  # enctype -> hmac-sha1-96-aes128/256 (RFC 3962)


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


MECH_TYPES_DER = bytes.fromhex('300b06092a864882f712010202')  # MechTypeList [MS-KRB5], as impacket sends it
STOCK_BIND_DATA = rpcrt.MSRPCBind.getData
STOCK_THIRD_LEG = kerberosv5.getKerberosType3


def der(tag, content):
    n = len(content)
    length = bytes([n]) if n < 0x80 else bytes([0x81, n]) if n < 0x100 else b'\x82' + struct.pack('>H', n)
    return bytes([tag]) + length + content


def bind_data_once(self):
    """impacket's MSRPCBind.getData, but the context items encoded once however often it is called."""
    self['ctx_items'] = b''
    return STOCK_BIND_DATA(self)


def third_leg_with_mic(cipher, session_key, auth_data):
    """impacket's own third leg, its NegTokenResp rebuilt with a mechListMIC (RFC 4178 4.2.2,
    RFC 4121 4.2.6.1: flags AcceptorSubkey, SND_SEQ 0 = the Authenticator's, usage 25)."""
    cipher, subkey, token = STOCK_THIRD_LEG(cipher, session_key, auth_data)
    header = bytes.fromhex('040404ffffffffff') + struct.pack('>Q', 0)
    mic = header + _checksum_table[CKSUM_SHA1_AES[subkey.enctype]].checksum(
        subkey, gssapi.KG_USAGE_INITIATOR_SIGN, MECH_TYPES_DER + header)
    fields = der(0xa2, der(0x04, SPNEGO_NegTokenResp(token)['ResponseToken'])) + der(0xa3, der(0x04, mic))
    return cipher, subkey, der(0xa1, der(0x30, fields))


def apply_samba_fixes():
    rpcrt.MSRPCBind.getData = bind_data_once
    kerberosv5.getKerberosType3 = third_leg_with_mic


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
    p.add_argument('--samba-fixes', action='store_true',
                   help='correct impacket 0.10 where Samba refuses it (see above)')
    args = p.parse_args(argv)

    with open(args.csr, 'rb') as f:
        csr = f.read()
    try:
        binding = icpr_binding(args.host, args.epm_port)
        print('binding', binding)
        t = transport.DCERPCTransportFactory(binding)
        if args.kerberos:
            kerberos_credentials(t, args)
            if args.samba_fixes:
                apply_samba_fixes()
        else:
            t.set_credentials(args.user, args.password, args.domain)
        dce = t.get_dce_rpc()
        dce.set_auth_type(RPC_C_AUTHN_GSS_NEGOTIATE if args.kerberos else RPC_C_AUTHN_WINNT)
        dce.set_auth_level(RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
        dce.connect()
        dce.bind(ICERTPASSAGE)
        if args.kerberos and args.samba_fixes:
            dce._DCERPC_v5__sequence = 1  # the mechListMIC used SND_SEQ 0 (impacket resets it to 0)
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
