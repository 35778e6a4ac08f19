package org.masthead.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response held in memory up to a cap, so the page filter can finish it (ETag, gzip, the page cache); past the
 * cap, what it holds is sent and the rest streams straight to the client, so a large page (a sitemap file of
 * 50,000 URLs) never sits in memory whole, however many readers ask for it at once. Just before it starts
 * streaming, it calls {@code beforeStreaming}, which may still set headers.
 */
final class CappedResponse extends HttpServletResponseWrapper {

    interface BeforeStreaming {
        void headers(HttpServletResponse response);
    }

    private final int cap;
    private final BeforeStreaming beforeStreaming;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(8192);
    private final Output output = new Output();
    private PrintWriter writer;
    private ServletOutputStream streamingTo;

    CappedResponse(HttpServletResponse response, int cap, BeforeStreaming beforeStreaming) {
        super(response);
        this.cap = cap;
        this.beforeStreaming = beforeStreaming;
    }

    /** Whether the response went past the cap and is being (or was) sent as it was written. */
    boolean streaming() {
        return streamingTo != null;
    }

    /** The whole body, when it stayed under the cap (call {@link #finish()} first). */
    byte[] body() {
        return held.toByteArray();
    }

    /** Flushes what the application wrote through its writer (it may not have). */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (streamingTo != null) {
            streamingTo.flush();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        return output;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(output, charset));
        }
        return writer;
    }

    // The length is the filter's to set, from the finished body (or unknown, when streaming).
    @Override
    public void setContentLength(int length) {}

    @Override
    public void setContentLengthLong(long length) {}

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (streamingTo != null) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        if (streamingTo == null) {
            held.reset();
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (streamingTo == null) {
            held.reset();
        }
        super.reset();
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (streamingTo == null && held.size() + length > cap) {
            beforeStreaming.headers((HttpServletResponse) getResponse());
            streamingTo = getResponse().getOutputStream();
            held.writeTo(streamingTo);
            held.reset();
        }
        if (streamingTo != null) {
            streamingTo.write(bytes, offset, length);
        } else {
            held.write(bytes, offset, length);
        }
    }

    private final class Output extends ServletOutputStream {

        private final byte[] one = new byte[1];

        @Override
        public void write(int b) throws IOException {
            one[0] = (byte) b;
            CappedResponse.this.write(one, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            CappedResponse.this.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (streamingTo != null) {
                streamingTo.flush();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("a reader's page is written blocking");
        }
    }
}
