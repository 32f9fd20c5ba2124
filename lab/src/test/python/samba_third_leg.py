#!/usr/bin/python3
"""impacket 0.10 (Debian) over SPNEGO/Kerberos at PKT_PRIVACY against a Samba AD DC's SAMR, stock
and with variants of the third leg, to measure what Samba's acceptor checks.

A measuring tool, not part of mvn verify: docs/RPC-KERBEROS.md says how it was run and what it
printed. It prints one line per variant, ACCEPTED (SamrEnumerateDomainsInSamServer answered under
packet privacy) or REJECTED with impacket's error.

usage: samba_third_leg.py HOST REMOTE_NAME KDC VARIANT...
VARIANT = THIRD[+alter][+mic]
  THIRD  stock (impacket's own AP-REP: its current time), echo (the Authenticator's ctime/cusec),
         ctime_far (2001-01-01), seq_client (0), seq_plus1, no_seq, subkey_key (encrypted under the
         acceptor subkey), usage11, msgtype14, pvno4, garbage, type16 (auth_type 16)
  +alter the alter_context carries the bind's context list once (impacket 0.10 repeats it)
  +mic   the alter_context's NegTokenResp carries a mechListMIC (RFC 4121 MIC, usage 25, acceptor
         subkey, flags 0x04, SND_SEQ 0 = the Authenticator's), the first Wrap then uses SND_SEQ 1
Tickets come from KRB5CCNAME (MIT kinit + kvno): impacket 0.10's own TGS-REQ is refused by
Samba 4.17's KDC (its authenticator has no checksum: "No authenticator in request", INAPP_CKSUM).
"""
import datetime, struct, sys
from impacket.dcerpc.v5 import epm, rpcrt, samr, transport
from impacket.dcerpc.v5.rpcrt import RPC_C_AUTHN_GSS_NEGOTIATE, RPC_C_AUTHN_LEVEL_PKT_PRIVACY
from impacket.krb5 import kerberosv5
from impacket.krb5.asn1 import AP_REP, EncAPRepPart
from impacket.krb5.crypto import Key, _checksum_table, _enctype_table
from impacket.krb5.types import KerberosTime
from impacket.spnego import SPNEGO_NegTokenResp
from pyasn1.codec.der import decoder, encoder

STOCK_THIRD = kerberosv5.getKerberosType3
STOCK_BIND_DATA = rpcrt.MSRPCBind.getData
MECH_TYPES_DER = bytes.fromhex('300b06092a864882f712010202')  # MechTypeList [MS-KRB5], as impacket sends it
seen = {}


def bind_data_once(self):
    self['ctx_items'] = b''
    return STOCK_BIND_DATA(self)


def der(tag, content):
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + struct.pack('>H', n)
    return bytes([tag]) + length + content


def mic(subkey):
    header = bytes.fromhex('040404ffffffffff') + struct.pack('>Q', 0)
    return header + _checksum_table[16].checksum(subkey, 25, MECH_TYPES_DER + header)


def third_leg(third, with_mic):
    def build(cipher, session_key, auth_data):
        if third == 'stock':
            subcipher, sub, token = STOCK_THIRD(cipher, session_key, auth_data)
            ap = SPNEGO_NegTokenResp(token)['ResponseToken']
        else:
            ap_rep = decoder.decode(SPNEGO_NegTokenResp(auth_data)['ResponseToken'], asn1Spec=AP_REP())[0]
            server = decoder.decode(cipher.decrypt(session_key, 12, ap_rep['enc-part']['cipher']),
                                    asn1Spec=EncAPRepPart())[0]
            sub = Key(int(server['subkey']['keytype']), server['subkey']['keyvalue'].asOctets())
            subcipher = _enctype_table[sub.enctype]()
            seq = int(server['seq-number'])
            seen['server_seq'] = seq
            part = EncAPRepPart()
            if third == 'ctime_far':
                part['ctime'] = KerberosTime.to_asn1(datetime.datetime(2001, 1, 1)); part['cusec'] = 123
            else:
                part['ctime'] = server['ctime']; part['cusec'] = int(server['cusec'])
            if third == 'seq_client':
                part['seq-number'] = 0
            elif third == 'seq_plus1':
                part['seq-number'] = (seq + 1) & 0xffffffff
            elif third != 'no_seq':
                part['seq-number'] = seq
            key = sub if third == 'subkey_key' else session_key
            usage = 11 if third == 'usage11' else 12
            ap_rep['enc-part'].clear()
            ap_rep['enc-part']['etype'] = cipher.enctype
            ap_rep['enc-part']['cipher'] = cipher.encrypt(key, usage, encoder.encode(part), None)
            ap = encoder.encode(ap_rep)
            # AP-REP ::= [APPLICATION 15] SEQUENCE { pvno [0] INTEGER (5), msg-type [1] INTEGER (15), ... }
            if third == 'msgtype14':
                ap = ap.replace(bytes.fromhex('a10302010f'), bytes.fromhex('a10302010e'), 1)
            if third == 'pvno4':
                ap = ap.replace(bytes.fromhex('a003020105'), bytes.fromhex('a003020104'), 1)
            if third == 'garbage':
                ap = bytes.fromhex('6f03300100')
        fields = der(0xa2, der(0x04, ap))
        if with_mic:
            fields += der(0xa3, der(0x04, mic(sub)))
        return subcipher, sub, der(0xa1, der(0x30, fields))
    return build


def run(variant, host, remote, kdc):
    parts = variant.split('+')
    third = parts[0]
    with_mic = 'mic' in parts
    auth_type = 16 if third == 'type16' else RPC_C_AUTHN_GSS_NEGOTIATE
    kerberosv5.getKerberosType3 = third_leg('stock' if third == 'type16' else third, with_mic)
    rpcrt.MSRPCBind.getData = bind_data_once if 'alter' in parts else STOCK_BIND_DATA
    if third == 'stock' and not with_mic:
        kerberosv5.getKerberosType3 = STOCK_THIRD  # impacket's own, untouched
    seen.clear()
    binding = epm.hept_map(host, samr.MSRPC_UUID_SAMR, protocol='ncacn_ip_tcp')
    t = transport.DCERPCTransportFactory(binding)
    t.setRemoteName(remote)
    t.set_credentials('Administrator', '', remote.split('.', 1)[1].upper())
    t.set_kerberos(True, kdcHost=kdc)
    dce = t.get_dce_rpc()
    dce.set_auth_type(auth_type)
    dce.set_auth_level(RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
    try:
        dce.connect()
        dce.bind(samr.MSRPC_UUID_SAMR)
        if with_mic:
            dce._DCERPC_v5__sequence = 1  # the mechListMIC consumed SND_SEQ 0
        h = samr.hSamrConnect(dce)['ServerHandle']
        r = samr.hSamrEnumerateDomainsInSamServer(dce, h)
        names = [d['Name'] for d in r['Buffer']['Buffer']]
        print('%-24s auth_type %2d ACCEPTED domains %s' % (variant, auth_type, names))
    except Exception as e:
        print('%-24s auth_type %2d REJECTED %s: %s' % (variant, auth_type, type(e).__name__, str(e)[:120]))
    finally:
        try:
            dce.disconnect()
        except Exception:
            pass


if __name__ == '__main__':
    host, remote, kdc = sys.argv[1:4]
    for v in sys.argv[4:]:
        run(v, host, remote, kdc)
