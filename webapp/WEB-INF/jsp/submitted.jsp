<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Service ${serviceId} accepted"/>
<%@ include file="header.jspf" %>
<c:url var="serviceUrl" value="/services/${serviceId}"/>
<section aria-labelledby="accepted-heading" class="card">
  <h1 id="accepted-heading">Your service is queued</h1>
  <p>Your ServiceID:</p>
  <p id="service-id" class="service-id"><c:out value="${serviceId}"/></p>
  <p>Keep it: it is how you find this work again.</p>
  <h2>What happens next</h2>
  <ol>
    <li>A worker takes the service from the queue and lists the bucket's JPEG images.</li>
    <li>Each image is classified as <em>day</em> or <em>night</em>; the service's page shows the progress
        and the results so far, and refreshes itself until the work is done.</li>
    <li>When every image is done, the results stay available as a page, as JSON and as CSV.</li>
  </ol>
  <p><a id="follow-service" class="button" href="<c:out value='${serviceUrl}'/>">Follow service <c:out value="${serviceId}"/></a></p>
</section>
<%@ include file="footer.jspf" %>
