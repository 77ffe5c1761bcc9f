package dev.vigil.otlp;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

/**
 * The {@code google.rpc.Status} message that OTLP/HTTP puts in the body of an error response, in the
 * request's encoding. The generated class is not on the plugin's class path (it lives in the
 * common-protos artifact), so the message is described here from its published schema ({@code int32 code
 * = 1; string message = 2;}, the {@code details} field left out) and built as a {@link DynamicMessage}; the
 * OTel SDK exporters read {@code message} from it and log it.
 */
public final class RpcStatus {

    /** {@code INVALID_ARGUMENT}: the request can never succeed as sent. */
    public static final int INVALID_ARGUMENT = 3;
    /** {@code RESOURCE_EXHAUSTED}: a limit was exceeded. */
    public static final int RESOURCE_EXHAUSTED = 8;
    /** {@code UNAVAILABLE}: the server could not take the request now; a retry may succeed. */
    public static final int UNAVAILABLE = 14;

    private static final Descriptor STATUS = describe();

    private RpcStatus() {}

    /** A status message with {@code code} and {@code message}. */
    public static Message of(int code, String message) {
        return DynamicMessage.newBuilder(STATUS)
                .setField(STATUS.findFieldByName("code"), code)
                .setField(STATUS.findFieldByName("message"), message)
                .build();
    }

    private static Descriptor describe() {
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("google/rpc/status.proto")
                .setPackage("google.rpc")
                .setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder()
                        .setName("Status")
                        .addField(field("code", 1, FieldDescriptorProto.Type.TYPE_INT32))
                        .addField(field("message", 2, FieldDescriptorProto.Type.TYPE_STRING)))
                .build();
        try {
            return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Status");
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("the google.rpc.Status schema is invalid", e);
        }
    }

    private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder()
                .setName(name)
                .setJsonName(name)
                .setNumber(number)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
                .setType(type)
                .build();
    }
}
