package org.cews.it.probe;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaConnectionFactory;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.api.RequestFormat;

/**
 * Test-only: drives the CA connector inside WildFly as the CES will. {@code POST /enroll?template=T}
 * with a DER PKCS#10 body submits it; {@code GET /enroll?retrieve=N} retrieves request N, from the
 * CA {@code ca=NAME} if given (else the factory's); {@code factory=NAME} picks the connection
 * definition {@code java:/eis/cews/NAME} (default CaConnectionFactory); {@code onBehalfOf=DOMAIN\account}
 * has the connector sign the request as its enrollment agent for that user (enrollment-agent
 * mode); {@code format=cmc} sends a body that is already a CMC as it is; {@code user=PRINCIPAL}
 * asks for a connection in that user's name ({@code getConnection(user)}: S4U impersonation)
 * instead of the connector's own. The answer is one line, {@code ISSUED id base64cert caName},
 * {@code PENDING id caName} or {@code DENIED id 0xHRESULT message [ca caName]} (caName the CA that
 * answered, last so that the fields before it keep their places; a denial's message is free text,
 * possibly empty, hence the brackets), or {@code ERROR message} with status 502 (from the
 * connector: {@code ERROR message [kind KIND]}, KIND a {@link CaException.Kind}).
 */
@WebServlet("/enroll")
public class EnrollProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        RequestFormat format = "cmc".equals(request.getParameter("format")) ? RequestFormat.CMC : RequestFormat.PKCS10;
        EnrollmentRequest plain = new EnrollmentRequest(
                format, body, Map.of("CertificateTemplate", request.getParameter("template")), false);
        String onBehalfOf = request.getParameter("onBehalfOf");
        EnrollmentRequest enrollment = onBehalfOf == null ? plain : plain.onBehalfOf(onBehalfOf);
        answer(request, response, connection -> connection.submit(enrollment));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int id = Integer.parseInt(request.getParameter("retrieve"));
        String ca = request.getParameter("ca");
        answer(
                request,
                response,
                connection -> ca == null ? connection.retrieve(id, false) : connection.retrieve(ca, id, false));
    }

    private interface Call {
        EnrollmentResult on(CaConnection connection) throws CaException;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Call call) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        String factory = request.getParameter("factory");
        String user = request.getParameter("user");
        String name = "java:/eis/cews/" + (factory == null ? "CaConnectionFactory" : factory);
        try {
            CaConnectionFactory cf = (CaConnectionFactory) new InitialContext().lookup(name);
            try (CaConnection connection = user == null ? cf.getConnection() : cf.getConnection(user)) {
                response.getWriter().println(line(call.on(connection)));
            }
        } catch (CaException e) {
            response.setStatus(502);
            response.getWriter().println("ERROR " + e.getMessage() + " [kind " + e.kind() + "]");
        } catch (NamingException e) {
            response.setStatus(502);
            response.getWriter().println("ERROR " + e.getMessage());
        }
    }

    private static String line(EnrollmentResult result) {
        if (result instanceof EnrollmentResult.Issued issued) {
            return "ISSUED " + issued.requestId() + " " + Base64.getEncoder().encodeToString(issued.certificate()) + " "
                    + issued.caName();
        }
        if (result instanceof EnrollmentResult.Pending pending) {
            return "PENDING " + pending.requestId() + " " + pending.caName();
        }
        EnrollmentResult.Denied denied = (EnrollmentResult.Denied) result;
        return "DENIED " + denied.requestId() + " " + denied.hresultHex() + " " + denied.message() + " [ca "
                + denied.caName() + "]";
    }
}
