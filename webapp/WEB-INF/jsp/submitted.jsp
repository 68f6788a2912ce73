<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Service ${serviceId} accepted"/>
<%-- The address a browser is redirected to after the form (GET /services/{id}/submitted): reloading it submits nothing. --%>
<c:set var="pageScripts" value="copy.js"/>
<%@ include file="header.jspf" %>
<c:url var="serviceUrl" value="/services/${serviceId}"/>
<c:url var="userUrl" value="/services"><c:param name="userName" value="${service.userName}"/></c:url>
<section aria-labelledby="accepted-heading" class="card card-narrow">
  <p class="eyebrow eyebrow-ok"><span class="tick" aria-hidden="true"></span>Accepted</p>
  <h1 id="accepted-heading">Your service is accepted</h1>
  <p>Bucket <code id="accepted-bucket" class="bucket"><c:out value="${service.bucket}"/></code>
    <span aria-hidden="true">&middot;</span> now <span id="status" class="badge status-${service.status}"><c:out value="${service.status}"/></span></p>
  <p>Your ServiceID is</p>
  <div class="id-box">
    <p id="service-id" class="service-id"><c:out value="${serviceId}"/></p>
    <button type="button" id="copy-id" class="button secondary" data-copy="service-id" data-copy-status="copy-status" hidden>Copy</button>
    <p id="copy-status" class="copy-status" role="status"></p>
  </div>
  <p class="hint">Keep it: it finds this work again, here or from a script:</p>
  <pre class="command"><code>curl <c:out value="${pageContext.request.scheme}://${header.host}${serviceUrl}"/>?format=json</code></pre>
  <div class="actions">
    <a id="follow-service" class="button primary" href="<c:out value='${serviceUrl}'/>">Follow service <c:out value="${serviceId}"/></a>
    <c:if test="${not empty service.userName}">
      <a class="button secondary" href="<c:out value='${userUrl}'/>">All your services</a>
    </c:if>
  </div>
  <h2>What happens next</h2>
  <ol class="steps">
    <li>A worker takes the service from the queue and lists the bucket's JPEG images.</li>
    <li>Each image is classified as <em>day</em> or <em>night</em>. The service's page shows the progress and
        the results so far, and follows the work until it is done.</li>
    <li>When every image is done, the results stay available as a page, as JSON and as CSV.</li>
  </ol>
</section>
<%@ include file="footer.jspf" %>
