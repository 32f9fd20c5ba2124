package org.cews.bench.soap;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The baseline of bench/run-soap.sh, in a bench-only WAR deployed beside the EAR for the run and
 * removed after it: a POST whose body is read and dropped, answered with the bytes of a
 * GetPoliciesResponse captured from the CEP at the start of the run (WEB-INF/response.bin), kept
 * in memory. It is the cheapest answer of the same size through the same Undertow servlet path,
 * TLS and keep-alive connections; Undertow's static file handler does not take POST.
 */
@WebServlet(urlPatterns = "/*")
public class StaticBytesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient byte[] answer;

    @Override
    public void init() throws ServletException {
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/response.bin")) {
            if (in == null) {
                throw new ServletException("WEB-INF/response.bin is missing from the bench WAR");
            }
            answer = in.readAllBytes();
        } catch (IOException e) {
            throw new ServletException("cannot read WEB-INF/response.bin", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (InputStream in = req.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        resp.setContentType("application/soap+xml; charset=utf-8");
        resp.setContentLength(answer.length);
        resp.getOutputStream().write(answer);
    }
}
